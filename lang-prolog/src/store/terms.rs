//! Term operations on the store: boxed values, binding and trailing,
//! unification, standard order, copying out of and back into the store, and
//! conversion to and from heap terms (for the writer and builtin bridge).
//!
//! None of these recurse on the Rust stack in proportion to the term: they
//! use explicit work stacks (conversion to a heap term recurses on
//! arguments but loops on the last one, so long lists are flat).

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use rustc_hash::{FxHashMap, FxHashSet};
use vm_core::{heap, Value};

use crate::store::cyclic::CYCLE_BUDGET;
use crate::store::machine::Mach;
use crate::store::words::*;
use crate::terms::{self as ht, view, T};

/// A value too large for a word: lives in a side table, a `BOX` word
/// points at it. The side table is plain Rust data (no GC pointers).
#[derive(Clone, Debug)]
pub enum Boxed {
    /// A float.
    F(f64),
    /// An integer outside the 61-bit range.
    B(BigInt),
    /// A SWI string.
    S(Box<str>),
}

/// Bit of a `BOX` payload that marks the permanent table (clause constants).
const PERM: usize = 1;

/// A term copied out of the store (findall answers, exception balls):
/// the same words with indices relative to `w`, and its own boxes.
#[derive(Clone, Default)]
pub struct Frozen {
    w: Vec<Word>,
    boxes: Vec<Boxed>,
    root: Word,
}

/// A compound being copied to the heap with sharing ([`Mach::to_heap`]).
enum Shared<'gc> {
    /// Its arguments are being built; the variable standing for it if it
    /// was met inside itself.
    Open(Option<Value<'gc>>),
    /// Its heap term.
    Done(Value<'gc>),
}

/// Flag in a trail entry's address: the entry is an environment slot.
pub const TRAIL_ENV: usize = 1 << 62;

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// A new boxed value in the query table.
    pub fn boxed(&mut self, b: Boxed) -> Word {
        let i = self.boxes.len();
        self.boxes.push(b);
        mk(BOX, i << 1)
    }
    /// A new boxed value in the permanent table.
    pub fn pboxed(&mut self, b: Boxed) -> Word {
        let i = self.pboxes.len();
        self.pboxes.push(b);
        mk(BOX, (i << 1) | PERM)
    }
    /// The boxed value of a `BOX` word.
    pub fn unbox(&self, w: Word) -> &Boxed {
        let i = idx(w);
        if i & PERM != 0 {
            &self.pboxes[i >> 1]
        } else {
            &self.boxes[i >> 1]
        }
    }
    /// The word for an integer (boxed when it needs more than 61 bits).
    pub fn int_word(&mut self, i: i64) -> Word {
        match int(i) {
            Some(w) => w,
            None => self.boxed(Boxed::B(BigInt::from(i))),
        }
    }
    /// The word for a bigint (a small integer when it fits).
    pub fn big_word(&mut self, b: BigInt) -> Word {
        if let Some(w) = b.to_i64().and_then(int) {
            return w;
        }
        self.boxed(Boxed::B(b))
    }

    /// Binds unbound variable `v` (a REF word) to `val`, trailing when the
    /// variable is older than the newest choicepoint.
    #[inline(always)]
    pub fn bind(&mut self, v: Word, val: Word) {
        let i = idx(v);
        if i < self.cp_store_top() {
            self.trail.push((i, v));
        }
        self.s.set(i, val);
    }

    /// Store top saved by the newest choicepoint.
    #[inline(always)]
    pub fn cp_store_top(&self) -> usize {
        self.hb
    }

    /// Undoes the trail down to `top`.
    pub fn untrail(&mut self, top: usize) {
        while self.trail.len() > top {
            let (a, old) = self.trail.pop().unwrap();
            if a & TRAIL_ENV != 0 {
                let a = a & !TRAIL_ENV;
                if a < self.env.len() {
                    self.env[a] = old;
                }
            } else if a < self.s.len() {
                self.s.set(a, old);
            }
        }
    }

    /// Whether two dereferenced atomic words are the same constant.
    pub fn atomic_eq(&self, a: Word, b: Word) -> bool {
        if a == b {
            return true;
        }
        if tag(a) != BOX || tag(b) != BOX {
            return false;
        }
        match (self.unbox(a), self.unbox(b)) {
            (Boxed::F(x), Boxed::F(y)) => x == y || (x.is_nan() && y.is_nan()),
            (Boxed::B(x), Boxed::B(y)) => x == y,
            (Boxed::S(x), Boxed::S(y)) => x == y,
            _ => false,
        }
    }

    /// Unifies two words. Arguments of compounds recurse (no allocation)
    /// up to a fixed depth, the last argument loops; deeper terms continue
    /// on an explicit work stack ([`Mach::unify_deep`]), so no term is too
    /// deep for the Rust stack.
    #[inline]
    pub fn unify(&mut self, a: Word, b: Word) -> bool {
        let p = self.s.deref(a);
        let q = self.s.deref(b);
        match self.unify_flat(p, q) {
            Some(r) => r,
            None => self.unify_rec(p, q, 0, &mut 0),
        }
    }

    /// Unifies two dereferenced words unless both are compounds (`None`
    /// then): the commonest pairs, done without a call.
    #[inline(always)]
    fn unify_flat(&mut self, p: Word, q: Word) -> Option<bool> {
        if p == q {
            return Some(true);
        }
        let (tp, tq) = (tag(p), tag(q));
        if tp == REF {
            if tq == REF && idx(q) > idx(p) {
                self.bind(q, p);
            } else {
                self.bind(p, q);
            }
            return Some(true);
        }
        if tq == REF {
            self.bind(q, p);
            return Some(true);
        }
        if (tp == STR && tq == STR) || (tp == LIS && tq == LIS) {
            return None;
        }
        // different atomic words are equal only as boxes (floats, bigints,
        // strings)
        Some(tp == BOX && tq == BOX && self.atomic_eq(p, q))
    }

    ///
    /// `steps` counts the compounds entered by the whole unification (this
    /// call, its recursive calls and their work stacks): past
    /// [`CYCLE_BUDGET`] every pair left goes to the cycle-aware
    /// [`Mach::unify_deep`], so cyclic terms met on the first arguments
    /// (`X = f(X, Y), Y = f(Y, X), X = Y`) cost the budget once, not once
    /// per recursion level and step.
    fn unify_rec(&mut self, mut x: Word, mut y: Word, depth: u32, steps: &mut usize) -> bool {
        // counted in a local (a register) and written back around the
        // calls that use the shared count
        let mut st = *steps;
        loop {
            st += 1;
            if st > CYCLE_BUDGET {
                // a list or last-argument chain this long is likely cyclic
                *steps = st;
                return self.unify_deep(x, y, true, steps);
            }
            let p = self.s.deref(x);
            let q = self.s.deref(y);
            if let Some(r) = self.unify_flat(p, q) {
                *steps = st;
                return r;
            }
            // two compounds of the same kind (unify_flat answered the rest)
            let (i, j, n) = if tag(p) == STR {
                let (i, j) = (idx(p), idx(q));
                let f = self.s.get(i);
                if f != self.s.get(j) {
                    return false;
                }
                (i + 1, j + 1, fun_arity(f))
            } else {
                (idx(p), idx(q), 2)
            };
            if n == 0 {
                *steps = st;
                return true;
            }
            if depth >= 32 {
                *steps = st;
                return self.unify_deep(p, q, false, steps);
            }
            for k in 0..n - 1 {
                let p = self.s.deref(self.s.get(i + k));
                let q = self.s.deref(self.s.get(j + k));
                let ok = match self.unify_flat(p, q) {
                    Some(r) => r,
                    None => {
                        *steps = st;
                        let r = self.unify_rec(p, q, depth + 1, steps);
                        st = *steps;
                        r
                    }
                };
                if !ok {
                    return false;
                }
            }
            x = self.s.get(i + n - 1);
            y = self.s.get(j + n - 1);
        }
    }

    /// Unification on an explicit work stack (terms nested deeper than
    /// [`Mach::unify_rec`] recurses).
    ///
    /// Past [`CYCLE_BUDGET`] steps (or from the start with `cyclic`) it
    /// remembers the compound pairs it has entered and skips a pair met
    /// again: that pair is already being unified further up, which is
    /// unification of rational trees (`X = f(X)`), as SWI does. Switching
    /// half way is sound, the bindings made so far stand either way.
    /// `steps` is the whole unification's count ([`Mach::unify_rec`]).
    fn unify_deep(&mut self, a: Word, b: Word, cyclic: bool, steps: &mut usize) -> bool {
        let mut work: Vec<(Word, Word)> = vec![(a, b)];
        let mut seen: Option<FxHashSet<(Word, Word)>> = cyclic.then(FxHashSet::default);
        while let Some((x, y)) = work.pop() {
            *steps += 1;
            if *steps >= CYCLE_BUDGET && seen.is_none() {
                seen = Some(FxHashSet::default());
            }
            let p = self.s.deref(x);
            let q = self.s.deref(y);
            match self.unify_flat(p, q) {
                Some(true) => continue,
                Some(false) => return false,
                None => {}
            }
            // two compounds of the same kind
            let (i, j) = (idx(p), idx(q));
            let (i, j, n) = if tag(p) == STR {
                let f = self.s.get(i);
                if f != self.s.get(j) {
                    return false;
                }
                (i + 1, j + 1, fun_arity(f))
            } else {
                (i, j, 2)
            };
            if seen.as_mut().is_some_and(|s| !s.insert((p, q))) {
                continue;
            }
            // the first argument on top, so lists are walked in order
            // and the work stack stays short along their tails
            for k in (0..n).rev() {
                work.push((self.s.get(i + k), self.s.get(j + k)));
            }
        }
        true
    }

    /// The name and arity of a dereferenced callable word.
    pub fn functor_of(&self, w: Word) -> Option<(u32, usize)> {
        match tag(w) {
            ATOM => Some((atom_id(w), 0)),
            STR => {
                let f = self.s.get(idx(w));
                Some((fun_name(f), fun_arity(f)))
            }
            LIS => Some((crate::store::atoms::ids::DOT, 2)),
            _ => None,
        }
    }

    /// Argument `k` (0-based) of a dereferenced compound word (STR or LIS).
    #[inline]
    pub fn arg_of(&self, w: Word, k: usize) -> Word {
        match tag(w) {
            STR => self.s.get(idx(w) + 1 + k),
            _ => self.s.get(idx(w) + k),
        }
    }

    fn order_class(&self, w: Word) -> u8 {
        match tag(w) {
            REF => 0,
            INT => 1,
            // SWI: Var < Number < String < Atom < Compound
            BOX => match self.unbox(w) {
                Boxed::S(_) => 2,
                _ => 1,
            },
            ATOM => 3,
            _ => 5,
        }
    }

    fn num_cmp(&self, a: Word, b: Word) -> Ordering {
        let n = |w: Word| -> crate::arith::N {
            if tag(w) == INT {
                return crate::arith::N::I(int_val(w));
            }
            match self.unbox(w) {
                Boxed::F(f) => crate::arith::N::F(*f),
                Boxed::B(b) => crate::arith::N::B(b.clone()),
                Boxed::S(_) => crate::arith::N::I(0),
            }
        };
        let (x, y) = (n(a), n(b));
        match crate::arith::cmp_n(&x, &y) {
            // standard order: 1.0 @< 1
            Ordering::Equal => match (&x, &y) {
                (crate::arith::N::F(_), crate::arith::N::F(_)) => Ordering::Equal,
                (crate::arith::N::F(_), _) => Ordering::Less,
                (_, crate::arith::N::F(_)) => Ordering::Greater,
                _ => Ordering::Equal,
            },
            o => o,
        }
    }

    /// Compares two words in the standard order of terms.
    pub fn compare(&self, a: Word, b: Word) -> Ordering {
        let mut work: Vec<(Word, Word)> = vec![(a, b)];
        let mut steps = 0usize;
        while let Some((x, y)) = work.pop() {
            steps += 1;
            if steps > CYCLE_BUDGET {
                work.push((x, y));
                return self.compare_cyclic(work);
            }
            let p = self.s.deref(x);
            let q = self.s.deref(y);
            if p == q {
                continue;
            }
            let (cp, cq) = (self.order_class(p), self.order_class(q));
            if cp != cq {
                return cp.cmp(&cq);
            }
            let o = match cp {
                0 => idx(p).cmp(&idx(q)),
                1 => self.num_cmp(p, q),
                // SWI 7's reserved `[]` sorts before every atom
                3 => match (p == NIL, q == NIL) {
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    _ => self.atoms.name(atom_id(p)).cmp(self.atoms.name(atom_id(q))),
                },
                2 => match (self.unbox(p), self.unbox(q)) {
                    (Boxed::S(x), Boxed::S(y)) => x.cmp(y),
                    _ => Ordering::Equal,
                },
                _ => {
                    let (fp, np) = self.functor_of(p).unwrap();
                    let (fq, nq) = self.functor_of(q).unwrap();
                    let o = np
                        .cmp(&nq)
                        .then_with(|| self.atoms.name(fp).cmp(self.atoms.name(fq)));
                    if o == Ordering::Equal {
                        for k in (0..np).rev() {
                            work.push((self.arg_of(p, k), self.arg_of(q, k)));
                        }
                    }
                    o
                }
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    }

    /// Copies a term out of the store (variables stay shared among
    /// themselves, but lose their identity with the store's).
    pub fn freeze(&self, w: Word) -> Frozen {
        self.freeze_with(w, false)
            .unwrap_or_else(|| self.freeze_with(w, true).unwrap_or_default())
    }

    /// [`Mach::freeze`]; `None` past [`CYCLE_BUDGET`] compounds unless
    /// `shared`, which copies each compound once (so a cyclic term stays
    /// cyclic, as `copy_term/2` of a rational tree does in SWI).
    fn freeze_with(&self, w: Word, shared: bool) -> Option<Frozen> {
        let mut f = Frozen::default();
        let mut done: rustc_hash::FxHashMap<Word, Word> = Default::default();
        let mut steps = 0usize;
        let mut vars: rustc_hash::FxHashMap<usize, usize> = Default::default();
        let mut root = [0u64];
        // work: (source word, destination: usize::MAX = root, else index in f.w)
        let mut work: Vec<(Word, usize)> = vec![(w, usize::MAX)];
        while let Some((x, dst)) = work.pop() {
            let p = self.s.deref(x);
            if matches!(tag(p), STR | LIS) {
                if shared {
                    if let Some(&o) = done.get(&p) {
                        f.w[dst] = o;
                        continue;
                    }
                } else {
                    steps += 1;
                    if steps > CYCLE_BUDGET {
                        return None;
                    }
                }
            }
            let out = match tag(p) {
                REF => {
                    if let Some(&i) = vars.get(&idx(p)) {
                        mk(REF, i)
                    } else if dst != usize::MAX {
                        vars.insert(idx(p), dst);
                        mk(REF, dst)
                    } else {
                        let i = f.w.len();
                        f.w.push(mk(REF, i));
                        vars.insert(idx(p), i);
                        mk(REF, i)
                    }
                }
                STR => {
                    let i = idx(p);
                    let fw = self.s.get(i);
                    let n = fun_arity(fw);
                    let base = f.w.len();
                    f.w.push(fw);
                    f.w.resize(base + 1 + n, NIL);
                    for k in 0..n {
                        work.push((self.s.get(i + 1 + k), base + 1 + k));
                    }
                    if shared {
                        done.insert(p, mk(STR, base));
                    }
                    mk(STR, base)
                }
                LIS => {
                    let i = idx(p);
                    let base = f.w.len();
                    f.w.resize(base + 2, NIL);
                    work.push((self.s.get(i + 1), base + 1));
                    work.push((self.s.get(i), base));
                    if shared {
                        done.insert(p, mk(LIS, base));
                    }
                    mk(LIS, base)
                }
                BOX => {
                    let k = f.boxes.len();
                    f.boxes.push(self.unbox(p).clone());
                    mk(BOX, k << 1)
                }
                _ => p,
            };
            if dst == usize::MAX {
                root[0] = out;
            } else {
                f.w[dst] = out;
            }
        }
        f.root = root[0];
        Some(f)
    }

    /// Copies a frozen term into the store (fresh variables).
    pub fn thaw(&mut self, f: &Frozen) -> Word {
        let base = self.s.len();
        let bbase = self.boxes.len();
        self.boxes.extend(f.boxes.iter().cloned());
        let reloc = |w: Word| -> Word {
            match tag(w) {
                REF | STR | LIS => w + ((base as u64) << 3),
                BOX => w + ((bbase as u64) << 4),
                _ => w,
            }
        };
        for &w in &f.w {
            self.s.push(reloc(w));
        }
        reloc(f.root)
    }

    /// `copy_term/2`'s copy.
    pub fn copy(&mut self, w: Word) -> Word {
        let f = self.freeze(w);
        self.thaw(&f)
    }

    /// A heap term for a store word; `vars` maps store variables to the
    /// heap variables made for them (so the bridge can map bindings back).
    pub fn to_heap(&self, w: Word, vars: &mut Vec<(usize, Value<'gc>)>) -> Value<'gc> {
        let mark = vars.len();
        if let Some(v) = self.to_heap_fast(w, vars, &mut 0) {
            return v;
        }
        // a term this big may be cyclic: copy each compound once, a cycle
        // becoming a heap variable bound to the compound it leads back to
        vars.truncate(mark);
        let mut memo = FxHashMap::default();
        self.to_heap_shared(w, vars, &mut memo)
    }

    /// [`Mach::to_heap`] that builds each compound once (`memo`: store
    /// index of a compound to its heap term, or to the variable standing
    /// for it while its arguments are built).
    fn to_heap_shared(
        &self,
        w: Word,
        vars: &mut Vec<(usize, Value<'gc>)>,
        memo: &mut FxHashMap<usize, Shared<'gc>>,
    ) -> Value<'gc> {
        let mc = self.e.mc;
        let p = self.s.deref(w);
        match tag(p) {
            STR => {
                let i = idx(p);
                if let Some(v) = self.shared_hit(i, memo) {
                    return v;
                }
                memo.insert(i, Shared::Open(None));
                let f = self.s.get(i);
                let args: Vec<Value<'gc>> = (0..fun_arity(f))
                    .map(|k| self.to_heap_shared(self.s.get(i + 1 + k), vars, memo))
                    .collect();
                let c = ht::compound_v(mc, self.e.atom(self.atoms.name(fun_name(f))), args);
                self.shared_close(i, c, memo);
                c
            }
            LIS => {
                if let Some(v) = self.shared_hit(idx(p), memo) {
                    return v;
                }
                // the cells along the tail, iteratively (long lists)
                let mut cells = Vec::new();
                let mut t = p;
                while tag(t) == LIS && !memo.contains_key(&idx(t)) {
                    memo.insert(idx(t), Shared::Open(None));
                    cells.push(idx(t));
                    t = self.s.deref(self.s.get(idx(t) + 1));
                }
                let mut v = self.to_heap_shared(t, vars, memo);
                let heads: Vec<Value<'gc>> = cells
                    .iter()
                    .map(|&c| self.to_heap_shared(self.s.get(c), vars, memo))
                    .collect();
                for (&c, h) in cells.iter().zip(heads).rev() {
                    v = ht::cons(mc, h, v);
                    self.shared_close(c, v, memo);
                }
                v
            }
            _ => self.to_heap_fast(p, vars, &mut 0).unwrap_or(Value::None),
        }
    }

    /// A compound met again while copying with sharing: its heap term, or
    /// the variable standing for it when it is still being built.
    fn shared_hit(&self, i: usize, memo: &mut FxHashMap<usize, Shared<'gc>>) -> Option<Value<'gc>> {
        match memo.get_mut(&i)? {
            Shared::Done(v) => Some(*v),
            Shared::Open(Some(v)) => Some(*v),
            Shared::Open(slot) => {
                let v = self.e.new_var();
                *slot = Some(v);
                Some(v)
            }
        }
    }

    /// Records the heap term of compound `i`, binding the variable that
    /// stood for it inside itself.
    fn shared_close(&self, i: usize, c: Value<'gc>, memo: &mut FxHashMap<usize, Shared<'gc>>) {
        if let Some(Shared::Open(Some(v))) = memo.get(&i) {
            ht::bind_raw(self.e.mc, *v, c);
        }
        memo.insert(i, Shared::Done(c));
    }

    fn to_heap_fast(
        &self,
        w: Word,
        vars: &mut Vec<(usize, Value<'gc>)>,
        steps: &mut usize,
    ) -> Option<Value<'gc>> {
        let mc = self.e.mc;
        let p = self.s.deref(w);
        if matches!(tag(p), STR | LIS) {
            *steps += 1;
            if *steps > CYCLE_BUDGET {
                return None;
            }
        }
        Some(match tag(p) {
            REF => {
                if let Some((_, v)) = vars.iter().find(|(i, _)| *i == idx(p)) {
                    return Some(*v);
                }
                // named by its store index, so a variable prints the same
                // in every bridged call (a new heap variable each time)
                let v = ht::new_var(mc, idx(p) as i64);
                vars.push((idx(p), v));
                v
            }
            ATOM => {
                if p == NIL {
                    Value::None
                } else {
                    self.e.atom(self.atoms.name(atom_id(p)))
                }
            }
            INT => Value::Int(int_val(p)),
            BOX => match self.unbox(p) {
                Boxed::F(f) => Value::Float(*f),
                Boxed::B(b) => heap::new_int(mc, b.clone()),
                Boxed::S(s) => ht::string(mc, s),
            },
            LIS => {
                // flat over the tail
                let mut items = Vec::new();
                let mut t = p;
                while tag(t) == LIS {
                    items.push(self.to_heap_fast(self.s.get(idx(t)), vars, steps)?);
                    t = self.s.deref(self.s.get(idx(t) + 1));
                    *steps += 1;
                    if *steps > CYCLE_BUDGET {
                        return None;
                    }
                }
                let tail = self.to_heap_fast(t, vars, steps)?;
                ht::list_from(mc, items, tail)
            }
            STR => {
                let i = idx(p);
                let f = self.s.get(i);
                let args = (0..fun_arity(f))
                    .map(|k| self.to_heap_fast(self.s.get(i + 1 + k), vars, steps))
                    .collect::<Option<Vec<Value<'gc>>>>()?;
                ht::compound_v(mc, self.e.atom(self.atoms.name(fun_name(f))), args)
            }
            _ => Value::None,
        })
    }

    /// A store word for a heap term; heap variables found in `vars` map
    /// back to their store variables, others get new ones.
    ///
    /// A loop over a work stack, not recursion, so a deep term cannot
    /// overflow the Rust stack. Cells are allocated depth-first left to
    /// right, as a recursive copy would, so new variables keep their order.
    /// A term of more than [`CYCLE_BUDGET`] compounds is copied again
    /// remembering every compound by identity: a heap term with a cycle (a
    /// variable bound to a term that contains it, as [`Mach::to_heap`]
    /// makes of a rational tree) becomes a store term with the same cycle
    /// instead of an endless copy.
    pub fn from_heap(&mut self, v: Value<'gc>, vars: &mut Vec<(usize, Value<'gc>)>) -> Word {
        let (top, mark) = (self.s.len(), vars.len());
        if let Some(w) = self.from_heap_walk(v, vars, false) {
            return w;
        }
        self.s.truncate(top);
        vars.truncate(mark);
        self.from_heap_walk(v, vars, true).unwrap_or(NIL)
    }

    /// [`Mach::from_heap`]'s copy: `None` past [`CYCLE_BUDGET`] compounds
    /// unless `shared` (each compound copied once).
    fn from_heap_walk(
        &mut self,
        v: Value<'gc>,
        vars: &mut Vec<(usize, Value<'gc>)>,
        shared: bool,
    ) -> Option<Word> {
        let root = self.s.alloc(1);
        let mut work = vec![(root, v)];
        let mut steps = 0usize;
        let mut memo: FxHashMap<u64, Word> = FxHashMap::default();
        while let Some((dst, v)) = work.pop() {
            let d = ht::deref(v);
            let w = match view(d) {
                T::Var => {
                    if let Some((i, _)) = vars.iter().find(|(_, h)| h.same(&d)) {
                        mk(REF, *i)
                    } else {
                        // the slot itself becomes the variable
                        self.s.new_var_at(dst);
                        vars.push((dst, d));
                        mk(REF, dst)
                    }
                }
                T::Atom(a) => atom(self.atoms.intern(a)),
                T::Nil => NIL,
                T::Int(i) => self.int_word(i),
                T::Big(b) => self.big_word(b.clone()),
                T::Float(f) => self.boxed(Boxed::F(f)),
                T::Str(s) => self.boxed(Boxed::S(s.into())),
                T::Compound(n, a) => {
                    let id = d.payload_bits();
                    if let Some(&w) = memo.get(&id) {
                        w
                    } else {
                        steps += 1;
                        if steps > CYCLE_BUDGET && !shared {
                            return None;
                        }
                        let w = if n == "[|]" && a.len() == 2 {
                            let c = self.s.alloc(2);
                            mk(LIS, c)
                        } else {
                            let name = self.atoms.intern(n);
                            let base = self.s.alloc(1 + a.len());
                            self.s.set(base, fun(name, a.len()));
                            mk(STR, base)
                        };
                        if shared {
                            memo.insert(id, w);
                        }
                        let first = if tag(w) == LIS { idx(w) } else { idx(w) + 1 };
                        for (k, x) in a.iter().enumerate().rev() {
                            work.push((first + k, *x));
                        }
                        w
                    }
                }
                T::TVar(_) | T::Other => NIL,
            };
            self.s.set(dst, w);
        }
        Some(self.s.get(root))
    }
}
