//! Constant folding and algebraic simplification, then two peepholes that
//! fuse a guard with the op it checks.
//!
//! The first, forward walk rewrites each op from its (already rewritten)
//! operands: pure ops whose operands are all constants become constants
//! (division and shifts only when their preconditions hold); guards whose
//! operands are constants are removed when they hold and kept when they fail
//! (the trace then always exits there), and so is a `guard_tag` of a value
//! whose op decides its tag (`int_add_ovf` is an int); identities go (`x+0`, `x*1`, `x-x`,
//! `x&x`, `bool_not(bool_not x)`, `int_lt x, x`, ...); chains of plain
//! `int_add`/`int_sub`/`int_mul` by constants are reassociated
//! (`(x+c1)-c2 → x+(c1-c2)`); a constant operand of a commutative op or a
//! comparison moves right; `guard_true(bool_not x)` becomes `guard_false x`;
//! `record_class`/`record_len` of a `new_record` in the trace, and
//! `tuple_head`/`tuple_len`/`tuple_get` of a `new_tuple`, are its operands.
//!
//! The second walk, with use counts, does:
//! - compare–guard fusion: `guard_true(int_lt a, b)` → `guard_lt a, b`, and
//!   `guard_false` with the negated comparison, when the comparison has no
//!   other use (snapshots count); for floats `guard_true` always fuses and
//!   `guard_false` only for `eq`/`ne` (the negation of `lt` is not `ge` for NaN);
//! - overflow merging: `y = int_add_ovf x, c1 @s1; ...; z = int_add_ovf y, c2 @s2`
//!   with `c1`, `c2` of the same sign (`int_sub_ovf` counts as adding `-c`), `y`
//!   used only by `z` (or by `s2` when only `z` uses `s2`), and no heap write,
//!   effectful call or label between `y` and `z` becomes
//!   `z = int_add_ovf x, c1+c2 @s1`: the merged guard fails iff either would,
//!   and resuming at the earlier `s1` is correct because nothing observable
//!   happened since, so the interpreter just redoes the work.
//!
//! At its end: no pure op has only constant operands (except those whose
//! preconditions fail), no guard that certainly holds remains, constants are
//! on the right of commutative ops and comparisons, the ops removed are
//! renumbered away, and snapshots no guard uses any more may be emptied.

use gc_arena::Mutation;

use crate::jit::helpers::Helper;
use crate::jit::ir::{Cmp, FloatOp, Inst, IntOp, Op, OvfOp, Ref, TraceIr};
use crate::jit::opt::rewrite::{mentions, remove_ops, use_counts, Rebuild};
use crate::meta::{NEW_TUPLE, RECORD_CLASS, RECORD_LEN, TUPLE_GET, TUPLE_HEAD, TUPLE_LEN};
use crate::value::{Tag, Value};

/// Runs the pass.
pub fn run<'gc>(_mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
    simplify(t);
    fuse(t);
}

/// What becomes of one op.
enum Out {
    /// Emit this op.
    Keep(Op),
    /// The op's result is this existing ref or constant; the op goes.
    Is(Ref),
    /// The op (a guard that holds) goes.
    Drop,
}

// ---- the first walk ----

fn simplify(t: &mut TraceIr<'_>) {
    let (mut rb, old) = Rebuild::start(t);
    for (i, mut inst) in old.into_iter().enumerate() {
        inst.op.map_args(|r| rb.get(r));
        let out = match inst.op {
            Op::Int(o, a, b) => int(t, o, a, b),
            Op::IntCmp(c, a, b) => int_cmp(t, c, a, b),
            Op::Float(o, a, b) => float(t, o, a, b),
            Op::FloatCmp(c, a, b) => float_cmp(t, c, a, b),
            Op::IntToFloat(a) => int_to_float(t, a),
            Op::BoolNot(a) => bool_not(t, a),
            Op::Same(a, b) => same(t, a, b),
            Op::IntOvf(o, a, b) => int_ovf(t, o, a, b),
            Op::GuardTag(a, tag) => guard_tag(t, a, tag),
            Op::GuardValue(a, b) => guard_value(t, a, b),
            Op::GuardTrue(a) => guard_bool(t, a, true),
            Op::GuardFalse(a) => guard_bool(t, a, false),
            Op::GuardIntCmp(c, a, b) => guard_int_cmp(t, c, a, b),
            Op::GuardFloatCmp(c, a, b) => guard_float_cmp(t, c, a, b),
            Op::Call(h, args) => known_part(t, h, args),
            op => Out::Keep(op),
        };
        match out {
            Out::Keep(op) => {
                let snap = if op.is_guard() { inst.snap } else { None };
                rb.emit(t, i, Inst { op, snap });
            }
            Out::Is(r) => rb.replace(i, r),
            Out::Drop => {}
        }
    }
    rb.finish(t);
}

/// A pure accessor of an object the trace allocated, whose answer the
/// allocation gives: `record_class`/`record_len` of a `new_record`,
/// `tuple_head`/`tuple_len`/`tuple_get` (constant index) of a `new_tuple`.
fn known_part(t: &mut TraceIr<'_>, h: &'static Helper, args: Vec<Ref>) -> Out {
    let keep = |args| Out::Keep(Op::Call(h, args));
    let Some(&obj) = args.first() else {
        return keep(args);
    };
    match def(t, obj) {
        Some(Op::NewRecord(c, _)) if *h == RECORD_CLASS => Out::Is(*c),
        Some(Op::NewRecord(_, fs)) if *h == RECORD_LEN => {
            let n = fs.len() as i64;
            int_out(t, n)
        }
        Some(Op::Call(n, parts)) if **n == NEW_TUPLE && !parts.is_empty() => {
            let parts = parts.clone();
            if *h == TUPLE_HEAD {
                Out::Is(parts[0])
            } else if *h == TUPLE_LEN {
                int_out(t, parts.len() as i64 - 1)
            } else if *h == TUPLE_GET {
                let i = args.get(1).and_then(|i| t.as_int(*i));
                match i.and_then(|i| usize::try_from(i).ok()) {
                    Some(i) if i + 1 < parts.len() => Out::Is(parts[i + 1]),
                    _ => keep(args),
                }
            } else {
                keep(args)
            }
        }
        _ => keep(args),
    }
}

/// The op that defines `r` in the new trace, if `r` is an op.
fn def<'a>(t: &'a TraceIr<'_>, r: Ref) -> Option<&'a Op> {
    if r.is_const() {
        return None;
    }
    t.ops.get(r.index()).map(|i| &i.op)
}

fn int_out(t: &mut TraceIr<'_>, v: i64) -> Out {
    Out::Is(t.konst(Value::Int(v)))
}

fn bool_out(t: &mut TraceIr<'_>, v: bool) -> Out {
    Out::Is(t.konst(Value::Bool(v)))
}

fn float_of(t: &TraceIr<'_>, r: Ref) -> Option<f64> {
    match t.as_const(r)? {
        Value::Float(f) => Some(f),
        _ => None,
    }
}

fn bool_of(t: &TraceIr<'_>, r: Ref) -> Option<bool> {
    match t.as_const(r)? {
        Value::Bool(b) => Some(b),
        _ => None,
    }
}

/// Whether [`IntOp::eval`] may run on these constants (the op's precondition holds).
fn int_defined(o: IntOp, a: i64, b: i64) -> bool {
    match o {
        IntOp::Shl | IntOp::Shr => (0..64).contains(&b),
        IntOp::FloorDiv | IntOp::TruncDiv => b != 0 && !(a == i64::MIN && b == -1),
        IntOp::FloorMod | IntOp::TruncRem => b != 0,
        _ => true,
    }
}

/// `x + k` when `r` is a plain `int_add`/`int_sub` of `x` and a constant.
fn offset(t: &TraceIr<'_>, r: Ref) -> Option<(Ref, i64)> {
    match def(t, r)? {
        Op::Int(IntOp::Add, x, c) => Some((*x, t.as_int(*c)?)),
        Op::Int(IntOp::Sub, x, c) => Some((*x, t.as_int(*c)?.checked_neg()?)),
        _ => None,
    }
}

/// `x + k` as an op: `int_sub x, -k` for negative `k`, and `x` for 0.
fn add_const(t: &mut TraceIr<'_>, x: Ref, k: i64) -> Out {
    if k == 0 {
        return Out::Is(x);
    }
    match k.checked_neg() {
        Some(n) if k < 0 => Out::Keep(Op::Int(IntOp::Sub, x, t.konst(Value::Int(n)))),
        _ => Out::Keep(Op::Int(IntOp::Add, x, t.konst(Value::Int(k)))),
    }
}

fn int(t: &mut TraceIr<'_>, o: IntOp, mut a: Ref, mut b: Ref) -> Out {
    if o.commutes() && a.is_const() && !b.is_const() {
        std::mem::swap(&mut a, &mut b);
    }
    let (ka, kb) = (t.as_int(a), t.as_int(b));
    if let (Some(x), Some(y)) = (ka, kb) {
        if int_defined(o, x, y) {
            return int_out(t, o.eval(x, y));
        }
    }
    if a == b {
        match o {
            IntOp::Sub | IntOp::Xor => return int_out(t, 0),
            IntOp::And | IntOp::Or => return Out::Is(a),
            _ => {}
        }
    }
    let Some(c) = kb else {
        return Out::Keep(Op::Int(o, a, b));
    };
    match (o, c) {
        (IntOp::Add | IntOp::Sub | IntOp::Or | IntOp::Xor | IntOp::Shl | IntOp::Shr, 0)
        | (IntOp::Mul | IntOp::FloorDiv | IntOp::TruncDiv, 1)
        | (IntOp::And, -1) => return Out::Is(a),
        (IntOp::Mul | IntOp::And, 0) | (IntOp::FloorMod | IntOp::TruncRem, 1 | -1) => {
            return int_out(t, 0)
        }
        _ => {}
    }
    match o {
        IntOp::Add | IntOp::Sub => {
            let k2 = if o == IntOp::Add {
                Some(c)
            } else {
                c.checked_neg()
            };
            if let (Some((x, k1)), Some(k2)) = (offset(t, a), k2) {
                if let Some(k) = k1.checked_add(k2) {
                    return add_const(t, x, k);
                }
            }
        }
        IntOp::Mul => {
            if let Some(Op::Int(IntOp::Mul, x, c1)) = def(t, a) {
                let x = *x;
                if let Some(k) = t.as_int(*c1).and_then(|c1| c1.checked_mul(c)) {
                    let k = t.konst(Value::Int(k));
                    return int(t, IntOp::Mul, x, k);
                }
            }
        }
        _ => {}
    }
    Out::Keep(Op::Int(o, a, b))
}

fn int_cmp(t: &mut TraceIr<'_>, mut c: Cmp, mut a: Ref, mut b: Ref) -> Out {
    if a.is_const() && !b.is_const() {
        std::mem::swap(&mut a, &mut b);
        c = c.swap();
    }
    if let (Some(x), Some(y)) = (t.as_int(a), t.as_int(b)) {
        return bool_out(t, c.eval(x, y));
    }
    if a == b {
        return bool_out(t, c.eval(0, 0));
    }
    Out::Keep(Op::IntCmp(c, a, b))
}

fn float(t: &mut TraceIr<'_>, o: FloatOp, mut a: Ref, mut b: Ref) -> Out {
    if o.commutes() && a.is_const() && !b.is_const() {
        std::mem::swap(&mut a, &mut b);
    }
    let (fa, fb) = (float_of(t, a), float_of(t, b));
    if let (Some(x), Some(y)) = (fa, fb) {
        return Out::Is(t.konst(Value::Float(o.eval(x, y))));
    }
    // Identities that hold for every float, -0.0 and NaN included.
    match (o, fb) {
        (FloatOp::Mul | FloatOp::Div, Some(1.0)) => Out::Is(a),
        (FloatOp::Sub, Some(y)) if y == 0.0 && y.is_sign_positive() => Out::Is(a),
        (FloatOp::Add, Some(y)) if y == 0.0 && y.is_sign_negative() => Out::Is(a),
        _ => Out::Keep(Op::Float(o, a, b)),
    }
}

fn float_cmp(t: &mut TraceIr<'_>, mut c: Cmp, mut a: Ref, mut b: Ref) -> Out {
    if a.is_const() && !b.is_const() {
        std::mem::swap(&mut a, &mut b);
        c = c.swap();
    }
    if let (Some(x), Some(y)) = (float_of(t, a), float_of(t, b)) {
        return bool_out(t, c.eval(x, y));
    }
    Out::Keep(Op::FloatCmp(c, a, b))
}

fn int_to_float(t: &mut TraceIr<'_>, a: Ref) -> Out {
    match t.as_int(a) {
        Some(x) => Out::Is(t.konst(Value::Float(x as f64))),
        None => Out::Keep(Op::IntToFloat(a)),
    }
}

fn bool_not(t: &mut TraceIr<'_>, a: Ref) -> Out {
    if let Some(x) = bool_of(t, a) {
        return bool_out(t, !x);
    }
    match def(t, a) {
        Some(Op::BoolNot(x)) => Out::Is(*x),
        _ => Out::Keep(Op::BoolNot(a)),
    }
}

fn same(t: &mut TraceIr<'_>, mut a: Ref, mut b: Ref) -> Out {
    if a.is_const() && !b.is_const() {
        std::mem::swap(&mut a, &mut b);
    }
    if a == b {
        return bool_out(t, true);
    }
    if let (Some(x), Some(y)) = (t.as_const(a), t.as_const(b)) {
        return bool_out(t, x.same(&y));
    }
    Out::Keep(Op::Same(a, b))
}

fn int_ovf(t: &mut TraceIr<'_>, o: OvfOp, mut a: Ref, mut b: Ref) -> Out {
    if o.commutes() && a.is_const() && !b.is_const() {
        std::mem::swap(&mut a, &mut b);
    }
    if let (Some(x), Some(y)) = (t.as_int(a), t.as_int(b)) {
        return match o.eval(x, y) {
            Some(v) => int_out(t, v),
            None => Out::Keep(Op::IntOvf(o, a, b)),
        };
    }
    if o == OvfOp::Sub && a == b {
        return int_out(t, 0);
    }
    match (o, t.as_int(b)) {
        (OvfOp::Add | OvfOp::Sub, Some(0)) | (OvfOp::Mul, Some(1)) => Out::Is(a),
        (OvfOp::Mul, Some(0)) => int_out(t, 0),
        _ => Out::Keep(Op::IntOvf(o, a, b)),
    }
}

fn guard_tag(t: &mut TraceIr<'_>, a: Ref, tag: Tag) -> Out {
    let known = match t.as_const(a) {
        Some(v) => Some(v.tag()),
        None => def(t, a).and_then(Op::result_tag),
    };
    if known == Some(tag) {
        Out::Drop
    } else {
        Out::Keep(Op::GuardTag(a, tag))
    }
}

fn guard_value(t: &mut TraceIr<'_>, a: Ref, b: Ref) -> Out {
    let holds =
        a == b || matches!((t.as_const(a), t.as_const(b)), (Some(x), Some(y)) if x.same(&y));
    if holds {
        Out::Drop
    } else {
        Out::Keep(Op::GuardValue(a, b))
    }
}

/// `guard_true a` (`want`) or `guard_false a`.
fn guard_bool(t: &mut TraceIr<'_>, a: Ref, want: bool) -> Out {
    if bool_of(t, a) == Some(want) {
        return Out::Drop;
    }
    let (a, want) = match def(t, a) {
        Some(Op::BoolNot(x)) => (*x, !want),
        _ => (a, want),
    };
    if bool_of(t, a) == Some(want) {
        return Out::Drop;
    }
    Out::Keep(if want {
        Op::GuardTrue(a)
    } else {
        Op::GuardFalse(a)
    })
}

fn guard_int_cmp(t: &mut TraceIr<'_>, mut c: Cmp, mut a: Ref, mut b: Ref) -> Out {
    if a.is_const() && !b.is_const() {
        std::mem::swap(&mut a, &mut b);
        c = c.swap();
    }
    let holds = match (t.as_int(a), t.as_int(b)) {
        (Some(x), Some(y)) => c.eval(x, y),
        _ => a == b && c.eval(0, 0),
    };
    if holds {
        Out::Drop
    } else {
        Out::Keep(Op::GuardIntCmp(c, a, b))
    }
}

fn guard_float_cmp(t: &mut TraceIr<'_>, mut c: Cmp, mut a: Ref, mut b: Ref) -> Out {
    if a.is_const() && !b.is_const() {
        std::mem::swap(&mut a, &mut b);
        c = c.swap();
    }
    match (float_of(t, a), float_of(t, b)) {
        (Some(x), Some(y)) if c.eval(x, y) => Out::Drop,
        _ => Out::Keep(Op::GuardFloatCmp(c, a, b)),
    }
}

// ---- the second walk: fusing a guard with the op it checks ----

/// State of the second walk.
struct Fuse {
    uses: Vec<u32>,
    dead: Vec<bool>,
    /// For each op, the position whose interpreter state its snapshot
    /// describes (earlier than the op itself after a merge).
    origin: Vec<usize>,
    /// The last heap write, effectful call or label seen.
    last_effect: Option<usize>,
}

fn fuse(t: &mut TraceIr<'_>) {
    let n = t.ops.len();
    let mut f = Fuse {
        uses: use_counts(t),
        dead: vec![false; n],
        origin: (0..n).collect(),
        last_effect: None,
    };
    for j in 0..n {
        match t.ops[j].op {
            Op::GuardTrue(v) => fuse_guard(t, &mut f, j, v, true),
            Op::GuardFalse(v) => fuse_guard(t, &mut f, j, v, false),
            Op::IntOvf(o, y, c) => merge_ovf(t, &mut f, j, o, y, c),
            _ => {}
        }
        if is_barrier(&t.ops[j].op) {
            f.last_effect = Some(j);
        }
    }
    remove_ops(t, &f.dead);
}

/// Whether redoing the work from before this op would be observable (or,
/// for the label, would not be the same work).
fn is_barrier(op: &Op) -> bool {
    op.writes_heap()
        || matches!(op, Op::Label(_))
        || matches!(op, Op::Call(h, _) if h.effects.io || h.effects.calls_guest)
}

/// `guard_true v` / `guard_false v` at `j`, `v` a comparison used only here.
fn fuse_guard(t: &mut TraceIr<'_>, f: &mut Fuse, j: usize, v: Ref, want: bool) {
    if v.is_const() || f.uses[v.index()] != 1 {
        return;
    }
    let op = match t.ops[v.index()].op {
        Op::IntCmp(c, a, b) => Op::GuardIntCmp(if want { c } else { c.negate() }, a, b),
        Op::FloatCmp(c, a, b) if want => Op::GuardFloatCmp(c, a, b),
        Op::FloatCmp(c @ (Cmp::Eq | Cmp::Ne), a, b) => Op::GuardFloatCmp(c.negate(), a, b),
        _ => return,
    };
    t.ops[j].op = op;
    f.dead[v.index()] = true;
}

/// `k` such that the op computes `x + k`: `c` for add, `-c` for sub.
fn signed_step(t: &TraceIr<'_>, o: OvfOp, c: Ref) -> Option<i64> {
    let c = t.as_int(c)?;
    match o {
        OvfOp::Add => Some(c),
        OvfOp::Sub => c.checked_neg(),
        OvfOp::Mul => None,
    }
}

/// `z = int_add_ovf y, c2 @s2` at `j`, where `y = int_add_ovf x, c1 @s1`.
fn merge_ovf(t: &mut TraceIr<'_>, f: &mut Fuse, j: usize, o2: OvfOp, y: Ref, c2: Ref) {
    let Some(k2) = signed_step(t, o2, c2) else {
        return;
    };
    if y.is_const() || f.dead[y.index()] {
        return;
    }
    let yi = y.index();
    let Op::IntOvf(o1, x, c1) = t.ops[yi].op else {
        return;
    };
    let Some(k1) = signed_step(t, o1, c1) else {
        return;
    };
    if k1 == 0 || k2 == 0 || (k1 < 0) != (k2 < 0) {
        return;
    }
    let Some(k) = k1.checked_add(k2) else {
        return;
    };
    // Uses of y besides z: z's own snapshot does not count if only z uses it,
    // because z will resume at s1 instead.
    let s2 = t.ops[j].snap.unwrap_or(u32::MAX);
    let s2_only_here = t
        .ops
        .iter()
        .enumerate()
        .all(|(i, inst)| i == j || inst.snap != Some(s2));
    let in_s2 = if s2_only_here { mentions(t, s2, y) } else { 0 };
    if f.uses[yi] != 1 + in_s2 {
        return;
    }
    if f.last_effect.is_some_and(|e| e >= f.origin[yi]) {
        return;
    }
    let op = match k.checked_neg() {
        Some(n) if k < 0 && o1 == OvfOp::Sub => Op::IntOvf(OvfOp::Sub, x, t.konst(Value::Int(n))),
        _ => Op::IntOvf(OvfOp::Add, x, t.konst(Value::Int(k))),
    };
    t.ops[j] = Inst {
        op,
        snap: t.ops[yi].snap,
    };
    f.origin[j] = f.origin[yi];
    f.dead[yi] = true;
}

#[cfg(test)]
mod tests {
    use crate::jit::opt::testing::check;

    /// The parts of an object the trace allocated (and that escaped, so
    /// allocation removal did not take them) are its allocation's operands.
    #[test]
    fn accessors_of_objects_allocated_in_the_trace_fold() {
        check(
            "fold",
            r#"
            v0 = input 0
            v1 = input 1
            v2 = new_record v0, v1, 2
            v3 = call record_class, v2
            v4 = call record_len, v2
            v5 = call new_tuple, v1, v0, 7
            v6 = call tuple_head, v5
            v7 = call tuple_len, v5
            v8 = call tuple_get, v5, 1
            v9 = call tuple_get, v5, 2
            v10 = call record_class, v1
            finish v3
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            v2 = new_record v0, v1, 2
            v3 = call new_tuple, v1, v0, 7
            v4 = call tuple_get, v3, 2
            v5 = call record_class, v1
            finish v0
            "#,
        );
    }

    #[test]
    fn folds_constant_arithmetic_but_not_undefined_division() {
        check(
            "fold",
            "
            v0 = input 0
            v1 = int_add 2, 3
            v2 = int_mul v1, 4
            v3 = int_lt v2, 21
            v4 = int_floordiv 7, 0
            v5 = float_mul 1.5, 2.0
            v6 = int_to_float 3
            v7 = same \"a\", \"a\"
            v8 = bool_not v7
            jump v2, v3, v4, v5, v6, v8
            ",
            "
            v0 = input 0
            v1 = int_floordiv 7, 0
            jump 20, true, v1, 3.0, 3.0, false
            ",
        );
    }

    #[test]
    fn removes_guards_on_constants_that_hold_and_keeps_failing_ones() {
        check(
            "fold",
            "
            v0 = input 0
            v1 = int_add 2, 3
            guard_tag v1, int @0
            guard_value v1, 5 @0
            guard_gt v1, 4 @0
            v5 = int_eq v1, 5
            guard_true v5 @0
            v7 = int_add_ovf 9223372036854775807, 0 @0
            v8 = int_add_ovf v0, 1 @0
            guard_tag v8, int @0
            guard_lt v1, 4 @1
            guard_tag v1, str @1
            v10 = int_add_ovf 9223372036854775807, 1 @1
            jump v7, v10, v8
            ",
            "
            v0 = input 0
            v1 = int_add_ovf v0, 1 @0
            guard_lt 5, 4 @1
            guard_tag 5, str @1
            v4 = int_add_ovf 9223372036854775807, 1 @1
            jump 9223372036854775807, v4, v1
            ...
            ",
        );
    }

    #[test]
    fn simplifies_identities() {
        check(
            "fold",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_add v0, 0
            v3 = int_mul v2, 1
            v4 = int_mul v3, 0
            v5 = int_sub v3, v3
            v6 = bool_not v1
            v7 = bool_not v6
            v8 = int_lt v0, v0
            v9 = int_ge v0, v0
            v10 = float_mul v1, 1.0
            v11 = float_add v1, 0.0
            jump v3, v4, v5, v7, v8, v9, v10, v11
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = bool_not v1
            v3 = float_add v1, 0.0
            jump v0, 0, 0, v1, false, true, v1, v3
            ",
        );
    }

    #[test]
    fn reassociates_constant_chains_and_moves_constants_right() {
        check(
            "fold",
            "
            v0 = input 0
            v1 = int_add 1, v0
            v2 = int_add v1, 2
            v3 = int_sub v2, 10
            v4 = int_add v3, 7
            v5 = int_lt 3, v4
            v6 = int_mul 2, v0
            v7 = int_mul v6, 3
            v8 = int_sub 3, v0
            jump v2, v3, v4, v5, v7, v8
            ",
            "
            v0 = input 0
            v1 = int_add v0, 1
            v2 = int_add v0, 3
            v3 = int_sub v0, 7
            v4 = int_gt v0, 3
            v5 = int_mul v0, 2
            v6 = int_mul v0, 6
            v7 = int_sub 3, v0
            jump v2, v3, v0, v4, v6, v7
            ",
        );
    }

    #[test]
    fn fuses_a_comparison_into_the_guard_that_is_its_only_use() {
        // `guard_true(bool_not x)` becomes `guard_false x`; the unused
        // `bool_not` is left for dce.
        check(
            "fold",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_lt v0, v1
            guard_true v2 @0
            v4 = int_lt v0, 10
            guard_false v4 @0
            v6 = float_lt v1, 2.5
            guard_true v6 @0
            v8 = float_eq v1, 0.0
            guard_false v8 @0
            v10 = bool_not v0
            guard_true v10 @0
            jump v0
            ",
            "
            v0 = input 0
            v1 = input 1
            guard_lt v0, v1 @0
            guard_ge v0, 10 @0
            guard_float_lt v1, 2.5 @0
            guard_float_ne v1, 0.0 @0
            v6 = bool_not v0
            guard_false v0 @0
            jump v0
            ...
            ",
        );
    }

    #[test]
    fn does_not_fuse_a_comparison_with_other_uses() {
        // v2 is also live in the snapshot, v4 in the jump; `guard_false` of a
        // float `lt` is not `ge` (NaN).
        check(
            "fold",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_lt v0, v1
            guard_true v2 @0
            v4 = int_gt v0, 0
            guard_true v4 @1
            v6 = float_lt v1, 2.5
            guard_false v6 @1
            jump v4
            snapshot @0
              frame lang=0 code=c0 pc=1 regs=[v2]
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_lt v0, v1
            guard_true v2 @0
            v4 = int_gt v0, 0
            guard_true v4 @1
            v6 = float_lt v1, 2.5
            guard_false v6 @1
            jump v4
            ...
            ",
        );
    }

    #[test]
    fn merges_overflow_adds_into_the_earlier_snapshot() {
        // The seed example's `x + 2` then `x + 3`; a third step merges too.
        // y (v1) is in z's own snapshot only: z resumes at @0 now, so @1 is unused.
        check(
            "fold",
            "
            v0 = input 0
            v1 = int_add_ovf v0, 2 @0
            v2 = int_add_ovf v1, 3 @1
            v3 = int_sub_ovf v2, -4 @2
            v4 = int_sub_ovf v0, 1 @3
            v5 = int_sub_ovf v4, 2 @3
            v6 = int_add_ovf v0, 0 @3
            jump v3, v5, v6
            snapshot @0
              frame lang=0 code=c0 pc=1 regs=[v0]
            snapshot @1
              frame lang=0 code=c0 pc=2 regs=[v1]
            ",
            "
            v0 = input 0
            v1 = int_add_ovf v0, 9 @0
            v2 = int_sub_ovf v0, 3 @3
            jump v1, v2, v0
            snapshot @0
              frame lang=0 code=c0 pc=1 ret=0 regs=[v0]
            snapshot @1
            snapshot @2
            snapshot @3
            ",
        );
    }

    #[test]
    fn does_not_merge_overflow_ops_when_unsound() {
        // Opposite signs (x+1-1 may overflow in the middle); y used by the
        // jump; a heap write between (resuming at @0 would redo it); the
        // label between (the first op runs once, the second every iteration);
        // a multiplication.
        check(
            "fold",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_add_ovf v0, 1 @0
            v3 = int_sub_ovf v2, 1 @1
            v4 = int_add_ovf v0, 5 @2
            v5 = int_add_ovf v4, 5 @3
            v6 = int_add_ovf v0, 7 @4
            dict_set v1, \"x\", 1
            v8 = int_add_ovf v6, 7 @5
            v9 = int_add_ovf v0, 11 @6
            label v0, v1, v3, v4, v5, v8, v9
            v11 = int_add_ovf v9, 11 @7
            v12 = int_mul_ovf v0, 2 @7
            v13 = int_mul_ovf v12, 2 @7
            jump v0, v1, v3, v4, v5, v8, v11, v13
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_add_ovf v0, 1 @0
            v3 = int_sub_ovf v2, 1 @1
            v4 = int_add_ovf v0, 5 @2
            v5 = int_add_ovf v4, 5 @3
            v6 = int_add_ovf v0, 7 @4
            dict_set v1, \"x\", 1
            v8 = int_add_ovf v6, 7 @5
            v9 = int_add_ovf v0, 11 @6
            label v0, v1, v3, v4, v5, v8, v9
            v11 = int_add_ovf v9, 11 @7
            v12 = int_mul_ovf v0, 2 @7
            v13 = int_mul_ovf v12, 2 @7
            jump v0, v1, v3, v4, v5, v8, v11, v13
            ...
            ",
        );
    }
}
