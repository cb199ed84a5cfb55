//! SWI-Prolog's single sided unification on store words: the head match
//! of an SSU rule (`Head => Body`, translated by [`crate::ssu`] into a
//! clause whose first goal is `'$ssu_match'(Pattern, Call)`).
//!
//! The compiler recognises that translation (`store::compile`): the
//! clause gets the pattern's first argument as its key and starts with
//! `Ins::SsuHead`, which matches the pattern's templates against the
//! argument registers here ([`Mach::ssu_head`]) without building the
//! pattern or allocating. [`Mach::ssu_match`] is the builtin for any other
//! call of `'$ssu_match'/2`.

use std::cmp::Ordering::Equal;

use crate::store::compile::Clause;
use crate::store::machine::Mach;
use crate::store::words::*;

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// Whether the pattern templates at roots `args..args + n` of `cl`
    /// subsume argument registers `0..n`; binds the pattern's variables
    /// (frame slots, first seen here) and never a call variable.
    pub fn ssu_head(&mut self, cl: &Clause, args: usize, n: usize) -> bool {
        for k in 0..n {
            let w = self.a[k];
            if !self.ssu_get(cl, cl.roots[args + k], w) {
                return false;
            }
        }
        true
    }

    /// Single sided matching of one template against a store word.
    fn ssu_get(&mut self, cl: &Clause, mut t: Word, mut w: Word) -> bool {
        loop {
            match tag(t) {
                TPL => {
                    let (a, v) = self.tpl_val(cl, t);
                    if v == 0 {
                        self.set_slot(a, w);
                        return true;
                    }
                    // a repeated pattern variable (or an embedded term)
                    // must meet an identical subterm
                    return v == w || self.compare(v, w) == Equal;
                }
                STR | LIS => {
                    let d = self.s.deref(w);
                    let (base, i, n) = match (tag(t), tag(d)) {
                        (STR, STR) => {
                            let (b, i) = (idx(t), idx(d));
                            let f = cl.tpl[b];
                            if self.s.get(i) != f {
                                return false;
                            }
                            (b + 1, i + 1, fun_arity(f))
                        }
                        (LIS, LIS) => (idx(t), idx(d), 2),
                        _ => return false,
                    };
                    if n == 0 {
                        return true;
                    }
                    for k in 0..n - 1 {
                        let x = self.s.get(i + k);
                        if !self.ssu_get(cl, cl.tpl[base + k], x) {
                            return false;
                        }
                    }
                    // the last argument by looping (long list patterns)
                    t = cl.tpl[base + n - 1];
                    w = self.s.get(i + n - 1);
                }
                _ => {
                    let d = self.s.deref(w);
                    return d == t || self.atomic_eq(d, t);
                }
            }
        }
    }

    /// Whether `pattern` (the rule's head, fresh variables) subsumes `call`;
    /// if so binds the pattern's variables. A repeated pattern variable
    /// must meet identical subterms (`==`); a call variable is never bound.
    /// Only the pattern is walked, so `p([H|T])` against a long list is one
    /// step (the older engines' `subsumes_term/2` walked the whole call).
    pub fn ssu_match(&mut self, pattern: Word, call: Word) -> bool {
        let mut bound: Vec<(Word, Word)> = Vec::new();
        let mut work = vec![(pattern, call)];
        while let Some((p, c)) = work.pop() {
            let p = self.s.deref(p);
            let c = self.s.deref(c);
            if tag(p) == REF {
                // nothing is bound during the walk: an unbound variable on
                // the pattern side is one of the pattern's own
                match bound.iter().find(|(v, _)| *v == p) {
                    Some(&(_, first)) => {
                        if self.compare(first, c) != Equal {
                            return false;
                        }
                    }
                    None => bound.push((p, c)),
                }
                continue;
            }
            if tag(c) == REF {
                return false;
            }
            match (tag(p), tag(c)) {
                (STR, STR) => {
                    let (i, j) = (idx(p), idx(c));
                    let f = self.s.get(i);
                    if f != self.s.get(j) {
                        return false;
                    }
                    for k in (1..=fun_arity(f)).rev() {
                        work.push((self.s.get(i + k), self.s.get(j + k)));
                    }
                }
                (LIS, LIS) => {
                    let (i, j) = (idx(p), idx(c));
                    work.push((self.s.get(i + 1), self.s.get(j + 1)));
                    work.push((self.s.get(i), self.s.get(j)));
                }
                _ => {
                    if self.compare(p, c) != Equal {
                        return false;
                    }
                }
            }
        }
        bound.into_iter().all(|(v, c)| self.unify(v, c))
    }
}
