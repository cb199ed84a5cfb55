//! Rational trees: unification, comparison and copying that end on cyclic
//! terms (`X = f(X)`).
//!
//! The ordinary walks in [`crate::store::terms`] are built for speed and
//! would never end on a cyclic term. Each counts its steps and, past
//! [`CYCLE_BUDGET`], hands the rest of its work to a version here that
//! remembers the compounds (or pairs of compounds) it has entered. A pair
//! met again is already being unified or compared further up, so it is
//! skipped: that is unification and comparison of rational trees, which is
//! what SWI-Prolog does where ISO leaves the result undefined. The hash
//! set costs only the rare term with more than a million nodes.
//!
//! Switching half way is sound: the bindings the fast walk made are ones
//! unification makes anyway, and a comparison that has found no difference
//! yet continues from the same pending pairs.

use std::cmp::Ordering;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::store::machine::Mach;
use crate::store::words::*;

/// Steps of a fast walk before it switches to the cycle-safe version.
pub const CYCLE_BUDGET: usize = 1 << 20;

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// Unifies the pending pairs of `work`, ending on cyclic terms.
    pub fn unify_cyclic(&mut self, mut work: Vec<(Word, Word)>) -> bool {
        let mut seen: FxHashSet<(Word, Word)> = FxHashSet::default();
        while let Some((x, y)) = work.pop() {
            let p = self.s.deref(x);
            let q = self.s.deref(y);
            if p == q {
                continue;
            }
            let (tp, tq) = (tag(p), tag(q));
            if tp == REF {
                if tq == REF && idx(q) > idx(p) {
                    self.bind(q, p);
                } else {
                    self.bind(p, q);
                }
            } else if tq == REF {
                self.bind(q, p);
            } else if tp == STR && tq == STR {
                let (i, j) = (idx(p), idx(q));
                let f = self.s.get(i);
                if f != self.s.get(j) {
                    return false;
                }
                if !seen.insert((p, q)) {
                    continue;
                }
                for k in (1..=fun_arity(f)).rev() {
                    work.push((self.s.get(i + k), self.s.get(j + k)));
                }
            } else if tp == LIS && tq == LIS {
                if !seen.insert((p, q)) {
                    continue;
                }
                let (i, j) = (idx(p), idx(q));
                work.push((self.s.get(i + 1), self.s.get(j + 1)));
                work.push((self.s.get(i), self.s.get(j)));
            } else if !self.atomic_eq(p, q) {
                return false;
            }
        }
        true
    }

    /// Compares the pending pairs of `work` (the next pair on top) in the
    /// standard order, ending on cyclic terms.
    pub fn compare_cyclic(&self, mut work: Vec<(Word, Word)>) -> Ordering {
        let mut seen: FxHashSet<(Word, Word)> = FxHashSet::default();
        while let Some((x, y)) = work.pop() {
            let p = self.s.deref(x);
            let q = self.s.deref(y);
            if p == q {
                continue;
            }
            let compound = |w: Word| matches!(tag(w), STR | LIS);
            if !(compound(p) && compound(q)) {
                // at most one compound: the ordinary comparison answers
                // without descending
                match self.compare(p, q) {
                    Ordering::Equal => continue,
                    o => return o,
                }
            }
            let (fp, np) = self.functor_of(p).unwrap_or((0, 0));
            let (fq, nq) = self.functor_of(q).unwrap_or((0, 0));
            let o = np
                .cmp(&nq)
                .then_with(|| self.atoms.name(fp).cmp(self.atoms.name(fq)));
            if o != Ordering::Equal {
                return o;
            }
            if !seen.insert((p, q)) {
                continue;
            }
            for k in (0..np).rev() {
                work.push((self.arg_of(p, k), self.arg_of(q, k)));
            }
        }
        Ordering::Equal
    }

    /// Whether the term at `w` has a cycle: a walk of its unfolding that
    /// ends within [`CYCLE_BUDGET`] compounds says no at once (the common
    /// case, no hash set), otherwise [`Mach::is_cyclic`] decides.
    pub fn maybe_cyclic(&self, w: Word) -> bool {
        let mut work = vec![w];
        let mut steps = 0usize;
        while let Some(t) = work.pop() {
            let t = self.s.deref(t);
            if let Some((_, n)) = self.functor_of(t).filter(|_| matches!(tag(t), STR | LIS)) {
                steps += 1;
                if steps > CYCLE_BUDGET {
                    return self.is_cyclic(w);
                }
                work.extend((0..n).map(|k| self.arg_of(t, k)));
            }
        }
        false
    }

    /// Whether the term at `w` has a cycle (a compound inside itself).
    pub fn is_cyclic(&self, w: Word) -> bool {
        // colours: absent = not entered, false = on the current path,
        // true = finished
        let mut state: FxHashMap<Word, bool> = FxHashMap::default();
        // (compound, next argument to visit)
        let mut path: Vec<(Word, usize)> = Vec::new();
        let enter = |t: Word, state: &mut FxHashMap<Word, bool>, path: &mut Vec<(Word, usize)>| {
            match state.get(&t) {
                Some(false) => return true,
                Some(true) => return false,
                None => {}
            }
            state.insert(t, false);
            path.push((t, 0));
            false
        };
        let root = self.s.deref(w);
        if matches!(tag(root), STR | LIS) && enter(root, &mut state, &mut path) {
            return true;
        }
        while let Some(&(t, k)) = path.last() {
            let n = self.functor_of(t).map_or(0, |(_, n)| n);
            if k == n {
                state.insert(t, true);
                path.pop();
                continue;
            }
            if let Some(top) = path.last_mut() {
                top.1 = k + 1;
            }
            let a = self.s.deref(self.arg_of(t, k));
            if matches!(tag(a), STR | LIS) && enter(a, &mut state, &mut path) {
                return true;
            }
        }
        false
    }
}
