//! Rational trees: comparison and the cycle test that end on cyclic terms
//! (`X = f(X)`); unification and copying do the same in
//! [`crate::store::terms`].
//!
//! The ordinary walks are built for speed and would never end on a cyclic
//! term. Each counts its steps and, past [`CYCLE_BUDGET`], goes on in a
//! mode that remembers the compounds (or pairs of compounds) it has
//! entered. A pair met again is already being unified or compared further
//! up, so it is skipped: that is unification and comparison of rational
//! trees, which is what SWI-Prolog does where ISO leaves the result
//! undefined. The hash set costs only the rare term with more than a
//! million nodes.
//!
//! Switching half way is sound: the bindings the fast walk made are ones
//! unification makes anyway, and a comparison that has found no difference
//! yet continues from the same pending pairs.

use std::cmp::Ordering;

use rustc_hash::FxHashSet;

use crate::store::machine::Mach;
use crate::store::words::*;

/// Steps of a fast walk before it switches to the cycle-safe version.
pub const CYCLE_BUDGET: usize = 1 << 20;

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
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
    /// case, no hash set), otherwise [`Mach::term_shape`] decides.
    pub fn maybe_cyclic(&self, w: Word) -> bool {
        let mut work = vec![w];
        let mut steps = 0usize;
        while let Some(t) = work.pop() {
            let t = self.s.deref(t);
            if let Some((_, n)) = self.functor_of(t).filter(|_| matches!(tag(t), STR | LIS)) {
                steps += 1;
                if steps > CYCLE_BUDGET {
                    return self.term_shape(w).0;
                }
                work.extend((0..n).map(|k| self.arg_of(t, k)));
            }
        }
        false
    }
}
