//! SWI-Prolog's single sided unification on store words: the head match
//! of an SSU rule (`Head => Body`, translated by [`crate::ssu`] into a
//! clause whose first goal is `'$ssu_match'(Pattern, Call)`).

use std::cmp::Ordering::Equal;

use crate::store::machine::Mach;
use crate::store::words::*;

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
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
