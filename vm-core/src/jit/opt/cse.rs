//! Common-subexpression elimination of pure ops and duplicate guards, in one
//! forward walk with a table of the ops seen so far.
//!
//! An op is a candidate when its result depends on its operands alone: int
//! and float arithmetic and comparisons, `int_to_float`, `bool_not`, `same`,
//! `int_*_ovf` (a second identical one cannot overflow once the first did
//! not), and calls of `elidable` helpers without I/O. A candidate equal to an
//! earlier one (same op, same operands, commutative operands and comparisons
//! in canonical order) is removed and its uses, snapshots included, get the
//! earlier result. A guard equal to an earlier guard (`guard_tag`,
//! `guard_value`, `guard_true`/`guard_false`, the guard comparisons, with
//! `guard_lt a, b` equal to `guard_gt b, a`) is removed. After
//! `guard_value a, C`, `same a, C` is true, and a `guard_true`/`guard_false`
//! of a constant that passes is removed: CSE is what finds such a `same`
//! (the same value read twice, each read followed by a check) after the
//! guards pass has run. Heap reads are not
//! candidates: the heap cache forwards them, knowing what writes intervene.
//!
//! Every earlier op is before the current one in the single path a trace
//! is, so any earlier result may be reused, an op before the label by one
//! after it included.
//!
//! At its end: no two candidates and no two of those guards are equal.

use gc_arena::Mutation;
use rustc_hash::FxHashMap;

use crate::jit::ir::{Cmp, Op, Ref, TraceIr};
use crate::jit::opt::rewrite::Rebuild;
use crate::value::Value;

/// Runs the pass.
pub fn run<'gc>(_mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
    let (mut rb, old) = Rebuild::start(t);
    let mut seen: FxHashMap<Key, Ref> = FxHashMap::default();
    // The constant `true`, added to the pool at the first `guard_value`.
    let mut yes = None;
    for (i, mut inst) in old.into_iter().enumerate() {
        inst.op.map_args(|r| rb.get(r));
        // A guard of a constant that passes (left by a `same` found true).
        if let Op::GuardTrue(a) | Op::GuardFalse(a) = inst.op {
            let want = matches!(inst.op, Op::GuardTrue(_));
            if let Some(Value::Bool(b)) = t.as_const(a) {
                if b == want {
                    continue;
                }
            }
        }
        let passed_value = match inst.op {
            Op::GuardValue(a, c) if c.is_const() => Some((a, c)),
            _ => None,
        };
        match key(&inst.op) {
            Some(k) => match seen.get(&k) {
                Some(&earlier) => {
                    if inst.op.has_result() {
                        rb.replace(i, earlier);
                    }
                }
                None => {
                    let r = rb.emit(t, i, inst);
                    seen.insert(k, r);
                    // Past `guard_value a, C`, `same a, C` is true.
                    if let Some((a, c)) = passed_value {
                        let yes = *yes.get_or_insert_with(|| t.konst(Value::Bool(true)));
                        if let Some(k) = key(&Op::Same(a, c)) {
                            seen.entry(k).or_insert(yes);
                        }
                    }
                }
            },
            None => {
                rb.emit(t, i, inst);
            }
        }
    }
    rb.finish(t);
}

/// What makes two ops equal: a kind, a detail (sub-op, tag, helper) and the operands.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    kind: &'static str,
    detail: usize,
    args: Vec<Ref>,
}

fn key(op: &Op) -> Option<Key> {
    let k = |kind, detail, args: Vec<Ref>| Some(Key { kind, detail, args });
    match op {
        Op::Int(o, a, b) => commutative("int", *o as usize, o.commutes(), *a, *b),
        Op::IntOvf(o, a, b) => commutative("int_ovf", *o as usize, o.commutes(), *a, *b),
        Op::Float(o, a, b) => commutative("float", *o as usize, o.commutes(), *a, *b),
        Op::Same(a, b) => commutative("same", 0, true, *a, *b),
        Op::IntCmp(c, a, b) => compare("int_cmp", *c, *a, *b),
        Op::FloatCmp(c, a, b) => compare("float_cmp", *c, *a, *b),
        Op::GuardIntCmp(c, a, b) => compare("guard_int_cmp", *c, *a, *b),
        Op::GuardFloatCmp(c, a, b) => compare("guard_float_cmp", *c, *a, *b),
        Op::IntToFloat(a) => k("int_to_float", 0, vec![*a]),
        Op::BoolNot(a) => k("bool_not", 0, vec![*a]),
        Op::GuardTag(a, tag) => k("guard_tag", tag.byte() as usize, vec![*a]),
        Op::GuardValue(a, b) => k("guard_value", 0, vec![*a, *b]),
        Op::GuardTrue(a) => k("guard_true", 0, vec![*a]),
        Op::GuardFalse(a) => k("guard_false", 0, vec![*a]),
        Op::Call(h, args) => {
            let e = h.effects;
            let pure = e.elidable && !e.io && !e.writes_heap && !e.calls_guest;
            if pure {
                k("call", *h as *const _ as usize, args.clone())
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Key of `a op b`, operands sorted when the op commutes.
fn commutative(kind: &'static str, detail: usize, commutes: bool, a: Ref, b: Ref) -> Option<Key> {
    let args = if commutes && b < a {
        vec![b, a]
    } else {
        vec![a, b]
    };
    Some(Key { kind, detail, args })
}

/// Key of `a c b`, written with the smaller operand first.
fn compare(kind: &'static str, c: Cmp, a: Ref, b: Ref) -> Option<Key> {
    let (c, a, b) = if b < a { (c.swap(), b, a) } else { (c, a, b) };
    Some(Key {
        kind,
        detail: c as usize,
        args: vec![a, b],
    })
}

#[cfg(test)]
mod tests {
    use crate::jit::opt::testing::check;

    #[test]
    fn reuses_pure_results_in_ops_and_snapshots() {
        check(
            "cse",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_add v0, v1
            v3 = int_add v0, v1
            v4 = int_mul v3, v2
            guard_true v1 @0
            v6 = int_to_float v0
            v7 = int_to_float v0
            guard_false v0 @1
            jump v4, v7
            snapshot @0
              frame lang=0 code=c0 pc=1 regs=[v3]
            snapshot @1
              frame lang=0 code=c0 pc=2 regs=[v3, v7]
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_add v0, v1
            v3 = int_mul v2, v2
            guard_true v1 @0
            v5 = int_to_float v0
            guard_false v0 @1
            jump v3, v5
            snapshot @0
              frame lang=0 code=c0 pc=1 ret=0 regs=[v2]
            snapshot @1
              frame lang=0 code=c0 pc=2 ret=0 regs=[v2, v5]
            ",
        );
    }

    #[test]
    fn knows_commutative_ops_and_swapped_comparisons() {
        // a+b = b+a and a<b = b>a, but a-b is not b-a.
        check(
            "cse",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_add v0, v1
            v3 = int_add v1, v0
            v4 = int_lt v0, v1
            v5 = int_gt v1, v0
            v6 = int_sub v0, v1
            v7 = int_sub v1, v0
            v8 = same v1, v0
            v9 = same v0, v1
            jump v2, v3, v4, v5, v6, v7, v8, v9
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_add v0, v1
            v3 = int_lt v0, v1
            v4 = int_sub v0, v1
            v5 = int_sub v1, v0
            v6 = same v1, v0
            jump v2, v2, v3, v3, v4, v5, v6, v6
            ",
        );
    }

    #[test]
    fn same_is_true_after_guard_value() {
        // The second read of a checked value becomes the first only here
        // (the guards pass ran before): its `same` and guard go.
        check(
            "cse",
            "
            v0 = input 0
            v1 = call tuple_head, v0
            guard_value v1, \"[|]\" @0
            v3 = call tuple_head, v0
            v4 = same \"[|]\", v3
            guard_true v4 @1
            v6 = same v3, 7
            guard_false true @1
            guard_true true @1
            jump v4, v6
            ",
            "
            v0 = input 0
            v1 = call tuple_head, v0
            guard_value v1, \"[|]\" @0
            v3 = same v1, 7
            guard_false true @1
            jump true, v3
            ...
            ",
        );
    }

    #[test]
    fn a_checked_value_read_twice_needs_no_second_check() {
        // A Prolog head match: `guard_value` on the first read of the
        // functor, then `same` + `guard_true` on a second read.
        check(
            "optimize",
            "
            v0 = input 0
            label v0
            v2 = param 0
            v3 = call cell_get, v2
            v4 = call tuple_head, v3
            guard_value v4, \"[|]\" @0
            v6 = call cell_get, v2
            v7 = call tuple_head, v6
            v8 = same v7, \"[|]\"
            guard_true v8 @1
            v10 = call tuple_get, v6, 1
            jump v10
            snapshot @0
            snapshot @1
            ",
            "
            v0 = input 0
            v1 = call cell_get, v0
            v2 = call tuple_head, v1
            guard_value v2, \"[|]\" @0
            v4 = call tuple_get, v1, 1
            label v4
            v6 = param 0
            v7 = call cell_get, v6
            v8 = call tuple_head, v7
            guard_value v8, \"[|]\" @1
            v10 = call tuple_get, v7, 1
            jump v10
            ...
            ",
        );
    }

    #[test]
    fn removes_duplicate_guards() {
        check(
            "cse",
            "
            v0 = input 0
            v1 = input 1
            guard_tag v0, int @0
            guard_tag v0, int @1
            guard_tag v0, str @1
            guard_lt v0, v1 @1
            guard_gt v1, v0 @1
            guard_value v1, 3 @1
            guard_value v1, 3 @1
            v9 = int_add_ovf v0, v1 @1
            v10 = int_add_ovf v1, v0 @2
            jump v9, v10
            ",
            "
            v0 = input 0
            v1 = input 1
            guard_tag v0, int @0
            guard_tag v0, str @1
            guard_lt v0, v1 @1
            guard_value v1, 3 @1
            v6 = int_add_ovf v0, v1 @1
            jump v6, v6
            ...
            ",
        );
    }

    #[test]
    fn leaves_heap_reads_and_effectful_calls() {
        // Reads may see different heaps; read_fn is not elidable; pure_fn is.
        check(
            "cse",
            "
            v0 = input 0
            v1 = dict_get v0, \"x\"
            v2 = dict_get v0, \"x\"
            v3 = list_len v0
            v4 = list_len v0
            v5 = call read_fn, v0
            v6 = call read_fn, v0
            v7 = call pure_fn, v0
            v8 = call pure_fn, v0
            v9 = call raise_fn, v0 @0
            v10 = call raise_fn, v0 @0
            jump v1, v2, v3, v4, v5, v6, v7, v8, v9, v10
            ",
            "
            v0 = input 0
            v1 = dict_get v0, \"x\"
            v2 = dict_get v0, \"x\"
            v3 = list_len v0
            v4 = list_len v0
            v5 = call read_fn, v0
            v6 = call read_fn, v0
            v7 = call pure_fn, v0
            v8 = call raise_fn, v0 @0
            v9 = call raise_fn, v0 @0
            jump v1, v2, v3, v4, v5, v6, v7, v7, v8, v9
            ...
            ",
        );
    }

    #[test]
    fn reuses_values_from_before_the_label_but_not_for_params() {
        // v5 repeats v2 on the invariant v0: reused. v6 is the same op on the
        // param, a different value: kept.
        check(
            "cse",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_mul v0, 3
            label v0, v1
            v4 = param 0
            v5 = int_mul v0, 3
            v6 = int_mul v4, 3
            v7 = int_add v5, v6
            jump v4, v7
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = int_mul v0, 3
            label v0, v1
            v4 = param 0
            v5 = int_mul v4, 3
            v6 = int_add v2, v5
            jump v4, v6
            ",
        );
    }

    #[test]
    fn different_ops_or_constants_are_not_merged() {
        check(
            "cse",
            "
            v0 = input 0
            v1 = int_add v0, 1
            v2 = int_add v0, 2
            v3 = int_add_ovf v0, 1 @0
            v4 = float_add v0, 1.0
            v5 = int_lt v0, 1
            v6 = int_le v0, 1
            guard_true v5 @0
            guard_false v5 @0
            jump v1, v2, v3, v4, v6
            ",
            "
            v0 = input 0
            v1 = int_add v0, 1
            v2 = int_add v0, 2
            v3 = int_add_ovf v0, 1 @0
            v4 = float_add v0, 1.0
            v5 = int_lt v0, 1
            v6 = int_le v0, 1
            guard_true v5 @0
            guard_false v5 @0
            jump v1, v2, v3, v4, v6
            ...
            ",
        );
    }
}
