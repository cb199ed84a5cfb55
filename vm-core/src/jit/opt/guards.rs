//! Guard elimination from known facts: PyPy's `intbounds.py` plus known
//! classes and known values, in one forward walk.
//!
//! For each value the walk knows, from what came before it in the trace: its
//! tag (from the op that made it, a constant, an earlier `guard_tag`,
//! `guard_value`, or use as an int in a guard comparison), its constant value
//! (from `guard_value`, `guard_true`/`guard_false`, or an integer interval
//! narrowed to one point), and an integer interval (from constants,
//! `guard_lt/le/gt/ge/eq/ne`, `guard_true`/`guard_false` of an `int_*`
//! comparison, the results of arithmetic, `list_len >= 0`).
//!
//! With them it removes guards that are implied; turns `int_*_ovf` into the
//! plain op when the operands' intervals rule overflow out; folds an `int_*`
//! comparison the intervals decide; and replaces later uses of a value whose
//! constant is known by the constant (the snapshots keep the value: a
//! snapshot may be shared with a guard before the fact). A guard that the
//! facts say always fails is kept: the trace exits there.
//!
//! It also relates ints to one another: the result of adding or subtracting
//! a constant is known as `base + c`, so an `int_add`/`int_sub` (or `_ovf`)
//! that computes a `base + c` already computed is that earlier value (an
//! earlier plain op promised not to overflow, an earlier `_ovf` op passed
//! its check: the sum fits), and a comparison of `base + c1` with
//! `base + c2` is decided by `c1` and `c2`; after `guard_eq a, b` later uses
//! of the younger of `a` and `b` become the older. (Unrolled loops that
//! store to `$a[$i]; $i++` check the same index against the same length
//! once per copy; these checks go.)
//!
//! Facts hold from the point they are learnt onwards. A fact learnt before
//! the label about a value defined before it still holds after the label
//! (the value is loop-invariant); params are fresh values the walk knows
//! nothing about, whatever it knows of the label's arguments.
//!
//! At its end: no guard remains whose condition the facts available at it
//! imply, and no overflow op whose interval proves it cannot overflow.

use gc_arena::Mutation;
use rustc_hash::FxHashMap;

use crate::jit::ir::{Cmp, Inst, IntOp, Op, OvfOp, Ref, TraceIr};
use crate::jit::opt::rewrite::Rebuild;
use crate::value::{Tag, Value};

/// Runs the pass.
pub fn run<'gc>(_mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
    let (mut rb, old) = Rebuild::start(t);
    let mut w = Walk {
        facts: Vec::new(),
        sums: FxHashMap::default(),
    };
    for (i, mut inst) in old.into_iter().enumerate() {
        inst.op.map_args(|r| w.known(rb.get(r)));
        if let Some(r) = w.known_sum(t, &inst.op) {
            rb.replace(i, r);
            continue;
        }
        let out = match inst.op {
            Op::GuardTag(a, tag) => w.guard_tag(t, a, tag),
            Op::GuardValue(a, c) => w.guard_value(t, a, c),
            Op::GuardTrue(a) => w.guard_bool(t, a, true),
            Op::GuardFalse(a) => w.guard_bool(t, a, false),
            Op::GuardIntCmp(c, a, b) => w.guard_int_cmp(t, c, a, b),
            Op::IntOvf(o, a, b) => w.int_ovf(t, o, a, b),
            Op::IntCmp(c, a, b) => w.int_cmp(t, c, a, b),
            Op::Same(a, b) => w.same(t, a, b),
            op => Out::Keep(op),
        };
        match out {
            Out::Keep(op) => {
                let mut fact = w.result_fact(t, &op);
                fact.sum = w.sum_of(t, &op);
                let snap = if op.is_guard() { inst.snap } else { None };
                let r = rb.emit(t, i, Inst { op, snap });
                if let Some(sum) = fact.sum {
                    w.sums.entry(sum).or_insert(r);
                }
                w.facts.push(fact);
            }
            Out::Is(r) => rb.replace(i, r),
            Out::Drop => {}
        }
    }
    rb.finish(t);
}

/// What becomes of one op.
enum Out {
    /// Emit this op.
    Keep(Op),
    /// The op's result is this constant; the op goes.
    Is(Ref),
    /// The op (an implied guard) goes.
    Drop,
}

/// What is known of one value.
#[derive(Clone, Debug)]
struct Fact {
    tag: Option<Tag>,
    /// The constant it equals.
    value: Option<Ref>,
    /// Bounds, meaningful when it is an int: `lo <= v <= hi`. An empty
    /// interval means the code here is unreachable.
    lo: i64,
    hi: i64,
    /// An older value it equals (from `guard_eq`).
    alias: Option<Ref>,
    /// It is `base + c`: the int sum this op computes.
    sum: Option<(Ref, i64)>,
}

impl Fact {
    const UNKNOWN: Fact = Fact {
        tag: None,
        value: None,
        lo: i64::MIN,
        hi: i64::MAX,
        alias: None,
        sum: None,
    };

    fn int(lo: i64, hi: i64) -> Fact {
        Fact {
            tag: Some(Tag::Int),
            lo,
            hi,
            ..Fact::UNKNOWN
        }
    }
}

struct Walk {
    /// Facts of the new trace's ops, by index.
    facts: Vec<Fact>,
    /// `(base, c)` → the first value computed as `base + c`.
    sums: FxHashMap<(Ref, i64), Ref>,
}

impl Walk {
    /// What is known of `r`.
    fn fact(&self, t: &TraceIr<'_>, r: Ref) -> Fact {
        match t.as_const(r) {
            Some(Value::Int(i)) => Fact {
                value: Some(r),
                ..Fact::int(i, i)
            },
            Some(v) => Fact {
                tag: Some(v.tag()),
                value: Some(r),
                ..Fact::UNKNOWN
            },
            None => self.facts.get(r.index()).cloned().unwrap_or(Fact::UNKNOWN),
        }
    }

    /// `r`, or the constant (else the older value) it is known to equal.
    fn known(&self, r: Ref) -> Ref {
        if r.is_const() {
            return r;
        }
        self.facts
            .get(r.index())
            .and_then(|f| f.value.or(f.alias))
            .unwrap_or(r)
    }

    /// `r` as `base + c` (`r` itself, plus 0, if nothing better is known).
    fn linear(&self, r: Ref) -> (Ref, i64) {
        if r.is_const() {
            return (r, 0);
        }
        self.facts
            .get(r.index())
            .and_then(|f| f.sum)
            .unwrap_or((r, 0))
    }

    /// The sum `op` computes, if it adds or subtracts an int constant.
    fn sum_of(&self, t: &TraceIr<'_>, op: &Op) -> Option<(Ref, i64)> {
        let (o, a, b) = match *op {
            Op::Int(o, a, b) => (o, a, b),
            Op::IntOvf(o, a, b) => (o.plain(), a, b),
            _ => return None,
        };
        let int = |r: Ref| match t.as_const(r) {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        };
        let (x, c) = match (o, int(a), int(b)) {
            (_, Some(_), Some(_)) => return None,
            (IntOp::Add, _, Some(c)) => (a, c),
            (IntOp::Add, Some(c), _) => (b, c),
            (IntOp::Sub, _, Some(c)) => (a, c.checked_neg()?),
            _ => return None,
        };
        let (base, off) = self.linear(x);
        Some((base, off.checked_add(c)?))
    }

    /// The earlier value `op` recomputes, if it is a sum already known.
    fn known_sum(&self, t: &TraceIr<'_>, op: &Op) -> Option<Ref> {
        let (base, c) = self.sum_of(t, op)?;
        if c == 0 {
            return Some(base);
        }
        self.sums.get(&(base, c)).copied()
    }

    /// `a c b` decided from the values' identity or common base, if it can be.
    fn decide(&self, c: Cmp, a: Ref, b: Ref) -> Option<bool> {
        let ((x, ca), (y, cb)) = (self.linear(a), self.linear(b));
        if x != y {
            return None;
        }
        Some(match c {
            Cmp::Lt => ca < cb,
            Cmp::Le => ca <= cb,
            Cmp::Gt => ca > cb,
            Cmp::Ge => ca >= cb,
            Cmp::Eq => ca == cb,
            Cmp::Ne => ca != cb,
        })
    }

    /// Records `f` as what is known of op `r` (constants need nothing).
    fn learn(&mut self, t: &mut TraceIr<'_>, r: Ref, mut f: Fact) {
        if r.is_const() {
            return;
        }
        if f.value.is_none() && f.tag == Some(Tag::Int) && f.lo == f.hi {
            f.value = Some(t.konst(Value::Int(f.lo)));
        }
        if let Some(slot) = self.facts.get_mut(r.index()) {
            *slot = f;
        }
    }

    /// The fact for the result of `op`, just emitted.
    fn result_fact(&self, t: &TraceIr<'_>, op: &Op) -> Fact {
        let tag = op.result_tag();
        let (lo, hi) = match *op {
            Op::Int(o, a, b) => int_bounds(o, &self.fact(t, a), &self.fact(t, b)),
            Op::IntOvf(o, a, b) => int_bounds(o.plain(), &self.fact(t, a), &self.fact(t, b)),
            Op::ListLen(_) | Op::WordsLen(_) => (0, i64::MAX),
            _ => (i64::MIN, i64::MAX),
        };
        Fact {
            tag,
            lo,
            hi,
            ..Fact::UNKNOWN
        }
    }

    fn guard_tag(&mut self, t: &mut TraceIr<'_>, a: Ref, tag: Tag) -> Out {
        let mut f = self.fact(t, a);
        match f.tag {
            Some(known) if known == tag => Out::Drop,
            Some(_) => Out::Keep(Op::GuardTag(a, tag)),
            None => {
                f.tag = Some(tag);
                self.learn(t, a, f);
                Out::Keep(Op::GuardTag(a, tag))
            }
        }
    }

    fn guard_value(&mut self, t: &mut TraceIr<'_>, a: Ref, c: Ref) -> Out {
        let keep = Out::Keep(Op::GuardValue(a, c));
        let Some(cv) = t.as_const(c) else {
            return keep;
        };
        let f = self.fact(t, a);
        if let Some(known) = f.value.and_then(|k| t.as_const(k)) {
            return if known.same(&cv) { Out::Drop } else { keep };
        }
        if f.tag.is_some_and(|tag| tag != cv.tag()) {
            return keep;
        }
        let mut nf = self.fact(t, c);
        if let Value::Int(i) = cv {
            if i < f.lo || i > f.hi {
                return keep;
            }
            nf = Fact {
                value: Some(c),
                ..Fact::int(i, i)
            };
        }
        self.learn(t, a, nf);
        keep
    }

    /// `same a, b`, decided when both values are known or their tags differ
    /// (`same` compares tag and payload): after `guard_value x, C`, a
    /// `same x, C` is true here (the fold pass ran before this pass made
    /// `x` the constant).
    fn same(&mut self, t: &mut TraceIr<'_>, a: Ref, b: Ref) -> Out {
        let (fa, fb) = (self.fact(t, a), self.fact(t, b));
        let known = |f: &Fact| f.value.and_then(|k| t.as_const(k));
        let decided = if a == b {
            Some(true)
        } else if let (Some(x), Some(y)) = (known(&fa), known(&fb)) {
            Some(x.same(&y))
        } else if let (Some(x), Some(y)) = (fa.tag, fb.tag) {
            (x != y).then_some(false)
        } else {
            None
        };
        match decided {
            Some(d) => Out::Is(t.konst(Value::Bool(d))),
            None => Out::Keep(Op::Same(a, b)),
        }
    }

    /// `guard_true a` (`want`) or `guard_false a`.
    fn guard_bool(&mut self, t: &mut TraceIr<'_>, a: Ref, want: bool) -> Out {
        let keep = Out::Keep(if want {
            Op::GuardTrue(a)
        } else {
            Op::GuardFalse(a)
        });
        match t.as_const(a) {
            Some(Value::Bool(b)) if b == want => return Out::Drop,
            Some(_) => return keep,
            None => {}
        }
        if let Some(Op::IntCmp(c, x, y)) = t.ops.get(a.index()).map(|i| i.op.clone()) {
            self.refine(t, if want { c } else { c.negate() }, x, y);
        }
        let value = t.konst(Value::Bool(want));
        self.learn(
            t,
            a,
            Fact {
                tag: Some(Tag::Bool),
                value: Some(value),
                ..Fact::UNKNOWN
            },
        );
        keep
    }

    fn guard_int_cmp(&mut self, t: &mut TraceIr<'_>, c: Cmp, a: Ref, b: Ref) -> Out {
        match self.decide(c, a, b) {
            Some(true) => return Out::Drop,
            Some(false) => return Out::Keep(Op::GuardIntCmp(c, a, b)),
            None => {}
        }
        if implies(c, &self.fact(t, a), &self.fact(t, b)) {
            return Out::Drop;
        }
        self.refine(t, c, a, b);
        if c == Cmp::Eq && !a.is_const() && !b.is_const() {
            let (old, young) = if a.index() < b.index() {
                (a, b)
            } else {
                (b, a)
            };
            let mut f = self.fact(t, young);
            if f.value.is_none() {
                f.alias = Some(old);
                self.learn(t, young, f);
            }
        }
        Out::Keep(Op::GuardIntCmp(c, a, b))
    }

    fn int_ovf(&mut self, t: &mut TraceIr<'_>, o: OvfOp, a: Ref, b: Ref) -> Out {
        let (fa, fb) = (self.fact(t, a), self.fact(t, b));
        if cannot_overflow(o, &fa, &fb) {
            Out::Keep(Op::Int(o.plain(), a, b))
        } else {
            Out::Keep(Op::IntOvf(o, a, b))
        }
    }

    fn int_cmp(&mut self, t: &mut TraceIr<'_>, c: Cmp, a: Ref, b: Ref) -> Out {
        if let Some(d) = self.decide(c, a, b) {
            return Out::Is(t.konst(Value::Bool(d)));
        }
        let (fa, fb) = (self.fact(t, a), self.fact(t, b));
        if implies(c, &fa, &fb) {
            Out::Is(t.konst(Value::Bool(true)))
        } else if implies(c.negate(), &fa, &fb) {
            Out::Is(t.konst(Value::Bool(false)))
        } else {
            Out::Keep(Op::IntCmp(c, a, b))
        }
    }

    /// Narrows the intervals of `a` and `b` to where `a c b` holds.
    fn refine(&mut self, t: &mut TraceIr<'_>, c: Cmp, a: Ref, b: Ref) {
        if a == b {
            return;
        }
        let (mut fa, mut fb) = (self.fact(t, a), self.fact(t, b));
        fa.tag = Some(Tag::Int);
        fb.tag = Some(Tag::Int);
        match c {
            Cmp::Lt => {
                fa.hi = fa.hi.min(fb.hi.saturating_sub(1));
                fb.lo = fb.lo.max(fa.lo.saturating_add(1));
            }
            Cmp::Le => {
                fa.hi = fa.hi.min(fb.hi);
                fb.lo = fb.lo.max(fa.lo);
            }
            Cmp::Gt => return self.refine(t, Cmp::Lt, b, a),
            Cmp::Ge => return self.refine(t, Cmp::Le, b, a),
            Cmp::Eq => {
                fa.lo = fa.lo.max(fb.lo);
                fa.hi = fa.hi.min(fb.hi);
                (fb.lo, fb.hi) = (fa.lo, fa.hi);
            }
            Cmp::Ne => {
                exclude(&mut fa, &fb);
                exclude(&mut fb, &fa);
            }
        }
        self.learn(t, a, fa);
        self.learn(t, b, fb);
    }
}

/// Narrows `f` knowing it differs from `other`, when `other` is one point at an end of `f`.
fn exclude(f: &mut Fact, other: &Fact) {
    if other.lo != other.hi {
        return;
    }
    if f.lo == other.lo && f.lo < i64::MAX {
        f.lo += 1;
    } else if f.hi == other.lo && f.hi > i64::MIN {
        f.hi -= 1;
    }
}

/// Whether `a c b` holds for all values in the intervals.
fn implies(c: Cmp, a: &Fact, b: &Fact) -> bool {
    if a.lo > a.hi || b.lo > b.hi {
        // Unreachable: no need to check anything, but keep guards honest.
        return false;
    }
    match c {
        Cmp::Lt => a.hi < b.lo,
        Cmp::Le => a.hi <= b.lo,
        Cmp::Gt => a.lo > b.hi,
        Cmp::Ge => a.lo >= b.hi,
        Cmp::Eq => a.lo == a.hi && b.lo == b.hi && a.lo == b.lo,
        Cmp::Ne => a.hi < b.lo || a.lo > b.hi,
    }
}

/// Whether `a o b` stays in range for all values in the intervals.
fn cannot_overflow(o: OvfOp, a: &Fact, b: &Fact) -> bool {
    if a.tag != Some(Tag::Int) || b.tag != Some(Tag::Int) {
        return false;
    }
    match o {
        OvfOp::Add => a.lo.checked_add(b.lo).is_some() && a.hi.checked_add(b.hi).is_some(),
        OvfOp::Sub => a.lo.checked_sub(b.hi).is_some() && a.hi.checked_sub(b.lo).is_some(),
        OvfOp::Mul => [a.lo, a.hi]
            .iter()
            .all(|x| [b.lo, b.hi].iter().all(|y| x.checked_mul(*y).is_some())),
    }
}

/// Bounds of the result of `a o b` (which the IR promises does not
/// overflow, or an overflow guard checks).
fn int_bounds(o: IntOp, a: &Fact, b: &Fact) -> (i64, i64) {
    const ALL: (i64, i64) = (i64::MIN, i64::MAX);
    if a.lo > a.hi || b.lo > b.hi {
        return ALL;
    }
    let corners = |f: fn(i64, i64) -> i64| {
        let v = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)];
        (
            *v.iter().min().unwrap_or(&i64::MIN),
            *v.iter().max().unwrap_or(&i64::MAX),
        )
    };
    match o {
        IntOp::Add => (a.lo.saturating_add(b.lo), a.hi.saturating_add(b.hi)),
        IntOp::Sub => (a.lo.saturating_sub(b.hi), a.hi.saturating_sub(b.lo)),
        IntOp::Mul => corners(i64::saturating_mul),
        IntOp::And if a.lo >= 0 || b.lo >= 0 => {
            let hi = match (a.lo >= 0, b.lo >= 0) {
                (true, true) => a.hi.min(b.hi),
                (true, false) => a.hi,
                _ => b.hi,
            };
            (0, hi)
        }
        IntOp::FloorMod if b.lo == b.hi && b.lo > 0 => (0, b.lo - 1),
        IntOp::FloorMod if b.lo == b.hi && b.lo < 0 => (b.lo + 1, 0),
        IntOp::TruncRem if b.lo == b.hi && b.lo != 0 => {
            let m = (b.lo.unsigned_abs() - 1) as i64;
            if a.lo >= 0 {
                (0, m)
            } else {
                (-m, m)
            }
        }
        IntOp::Shr if b.lo == b.hi && (0..64).contains(&b.lo) => (a.lo >> b.lo, a.hi >> b.lo),
        _ => ALL,
    }
}

#[cfg(test)]
mod tests {
    use crate::jit::opt::testing::check;

    #[test]
    fn sums_of_one_base_are_compared_by_their_constants() {
        // An unrolled `$a[$i] = $i; $i++`: the index is checked against the
        // length once; the copies recompute known sums and compare them.
        check(
            "guards",
            "
            v0 = input 0
            v1 = input 1
            v2 = list_len v1
            guard_eq v0, v2 @0
            v4 = int_add v2, 1
            v5 = int_add v0, 1
            guard_ge v5, v4 @1
            guard_eq v5, v4 @1
            v8 = int_add v2, 2
            guard_lt v4, v8 @1
            v10 = int_add_ovf v5, 1 @2
            guard_eq v10, v8 @3
            v12 = int_sub v10, 2
            v13 = int_lt v12, v4
            guard_true v13 @3
            v15 = int_gt v12, v4
            guard_true v15 @4
            jump v10, v12
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = list_len v1
            guard_eq v0, v2 @0
            v4 = int_add v0, 1
            v5 = int_add v0, 2
            guard_true false @4
            jump v5, v0
            ...
            ",
        );
    }

    #[test]
    fn removes_tag_guards_the_tag_is_known_for() {
        // v2's tag comes from its op, v1's from the first guard; a guard for
        // another tag always fails and stays.
        check(
            "guards",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_add v0, 1
            guard_tag v2, int @0
            guard_tag v1, str @0
            guard_tag v1, str @1
            guard_tag v1, list @1
            v7 = list_len v1
            guard_tag v7, int @1
            jump v2, v7
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_add v0, 1
            guard_tag v1, str @0
            guard_tag v1, list @1
            v5 = list_len v1
            jump v2, v5
            ...
            ",
        );
    }

    #[test]
    fn decides_same_from_known_values_and_tags() {
        // v3: the guard made v1 the constant; v5: the tags differ; v6: one
        // value; v7: undecided.
        check(
            "guards",
            "
            v0 = input 0
            v1 = call tuple_head, v0
            guard_value v1, \"[|]\" @0
            v3 = same v1, \"[|]\"
            guard_true v3 @1
            v5 = same v0, 3
            v6 = same v0, v0
            v7 = same v0, \"[|]\"
            jump v3, v5, v6, v7
            ",
            "
            v0 = input 0
            v1 = call tuple_head, v0
            guard_value v1, \"[|]\" @0
            v3 = same v0, 3
            v4 = same v0, \"[|]\"
            jump true, v3, true, v4
            ...
            ",
        );
        check(
            "guards",
            "
            v0 = input 0
            guard_tag v0, tuple @0
            v2 = same v0, 3
            jump v2
            ",
            "
            v0 = input 0
            guard_tag v0, tuple @0
            jump false
            snapshot @0
            ",
        );
    }

    #[test]
    fn guard_value_makes_later_uses_constant() {
        check(
            "guards",
            "
            v0 = input 0
            v1 = dict_get v0, \"x\"
            guard_value v1, 5 @0
            guard_tag v1, int @1
            guard_value v1, 5 @1
            guard_value v1, 6 @1
            v6 = int_add v1, 1
            jump v6, v1
            snapshot @1
              frame lang=0 code=c0 pc=1 regs=[v1]
            ",
            "
            v0 = input 0
            v1 = dict_get v0, \"x\"
            guard_value v1, 5 @0
            guard_value 5, 6 @1
            v4 = int_add 5, 1
            jump v4, 5
            snapshot @0
            snapshot @1
              frame lang=0 code=c0 pc=1 ret=0 regs=[v1]
            ",
        );
    }

    #[test]
    fn removes_comparisons_implied_by_bounds() {
        check(
            "guards",
            "
            v0 = input 0
            guard_ge v0, 0 @0
            guard_lt v0, 10 @0
            guard_gt v0, -5 @1
            guard_le v0, 9 @1
            guard_ne v0, 10 @1
            v6 = int_lt v0, 100
            v7 = int_eq v0, 20
            v8 = int_lt v0, 5
            guard_lt v0, 5 @1
            v10 = int_mul_ovf v0, 1000 @1
            jump v6, v7, v8, v10
            ",
            "
            v0 = input 0
            guard_ge v0, 0 @0
            guard_lt v0, 10 @0
            v3 = int_lt v0, 5
            guard_lt v0, 5 @1
            v5 = int_mul v0, 1000
            jump true, false, v3, v5
            ...
            ",
        );
    }

    #[test]
    fn overflow_ops_become_plain_when_bounds_allow() {
        // A loop index below a list's length: +1 cannot overflow, and the
        // result is known to be >= 1. Without bounds (v7) the check stays; the
        // index is only known to be < MAX, so `* 1000` (v8) keeps its check too.
        check(
            "guards",
            "
            v0 = input 0
            v1 = input 1
            v2 = list_len v0
            guard_ge v1, 0 @0
            guard_lt v1, v2 @0
            v5 = int_add_ovf v1, 1 @0
            guard_gt v5, 0 @1
            v7 = int_add_ovf v2, v1 @1
            v8 = int_mul_ovf v1, 1000 @1
            jump v5, v7, v8
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = list_len v0
            guard_ge v1, 0 @0
            guard_lt v1, v2 @0
            v5 = int_add v1, 1
            v6 = int_add_ovf v2, v1 @1
            v7 = int_mul_ovf v1, 1000 @1
            jump v5, v6, v7
            ...
            ",
        );
    }

    #[test]
    fn learns_from_guarded_comparisons_and_points() {
        // guard_true(int_lt) bounds its operands; guard_eq pins a value.
        check(
            "guards",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_ge v0, 0
            guard_true v2 @0
            v4 = int_lt v0, 3
            guard_false v4 @0
            guard_ge v0, 1 @0
            guard_true v2 @0
            guard_eq v1, 7 @0
            v9 = int_add_ovf v1, v0 @0
            jump v9
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_ge v0, 0
            guard_true v2 @0
            v4 = int_lt v0, 3
            guard_false v4 @0
            guard_eq v1, 7 @0
            v7 = int_add_ovf 7, v0 @0
            jump v7
            ...
            ",
        );
    }

    #[test]
    fn facts_about_label_arguments_do_not_hold_for_params() {
        // v0 is known int and >= 0 before the label; the param v3 that it
        // flows into is a fresh value: its guards stay. v0 itself is
        // loop-invariant, so its repeated guard after the label goes.
        check(
            "guards",
            "
            v0 = input 0
            guard_tag v0, int @0
            guard_ge v0, 0 @0
            label v0
            v4 = param 0
            guard_tag v4, int @1
            guard_ge v4, 0 @1
            guard_ge v0, 0 @1
            v8 = int_add_ovf v4, 1 @1
            jump v8
            ",
            "
            v0 = input 0
            guard_tag v0, int @0
            guard_ge v0, 0 @0
            label v0
            v4 = param 0
            guard_tag v4, int @1
            guard_ge v4, 0 @1
            v7 = int_add_ovf v4, 1 @1
            jump v7
            ...
            ",
        );
    }

    #[test]
    fn bounds_of_arithmetic_results() {
        // floormod by 8 is in 0..=7; and with 255 in 0..=255; their sum fits.
        check(
            "guards",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_floormod v0, 8
            v3 = int_and v1, 255
            v4 = int_add_ovf v2, v3 @0
            guard_lt v4, 263 @0
            guard_lt v4, 262 @0
            jump v4
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_floormod v0, 8
            v3 = int_and v1, 255
            v4 = int_add v2, v3
            guard_lt v4, 262 @0
            jump v4
            ...
            ",
        );
    }
}
