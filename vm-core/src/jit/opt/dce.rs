//! Dead-code elimination: one backward walk over the trace.
//!
//! An op is live when it must run for its effect (guards, heap writes,
//! calls that are not removable, the structure: inputs, label, params, jump)
//! or when its result is used by a live op, by a label or jump argument, or
//! by the snapshot of a live guard: what a snapshot names is what the
//! interpreter needs on exit, so it is a use like any other. Every other op
//! is removed ([`Op::is_removable_if_unused`] says which may be), and then
//! the snapshots no remaining guard uses, with the rest renumbered in order.
//! Constants are left in the pool.
//!
//! At its end: every op either has an effect or has a use, and every
//! snapshot is used by a guard.

use gc_arena::Mutation;

use crate::jit::ir::{Ref, TraceIr};
use crate::jit::opt::rewrite::{remove_ops, remove_unused_snapshots};

/// Runs the pass.
pub fn run<'gc>(_mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
    let n = t.ops.len();
    let mut live = vec![false; n];
    let mut dead = vec![false; n];
    for i in (0..n).rev() {
        let inst = &t.ops[i];
        if !live[i] && inst.op.is_removable_if_unused() {
            dead[i] = true;
            continue;
        }
        let mut mark = |r: Ref| {
            if !r.is_const() {
                if let Some(l) = live.get_mut(r.index()) {
                    *l = true;
                }
            }
        };
        inst.op.for_each_arg(&mut mark);
        if let Some(s) = inst.snap.and_then(|s| t.snapshots.get(s as usize)) {
            s.for_each_ref(&mut mark);
        }
    }
    remove_ops(t, &dead);
    remove_unused_snapshots(t);
}

#[cfg(test)]
mod tests {
    use crate::jit::opt::testing::check;

    #[test]
    fn removes_unused_pure_ops_and_what_only_they_used() {
        check(
            "dce",
            "
            v0 = input 0
            v1 = int_add v0, 1
            v2 = int_mul v1, 2
            v3 = int_lt v2, 10
            v4 = int_sub v0, 1
            jump v4
            ",
            "
            v0 = input 0
            v1 = int_sub v0, 1
            jump v1
            ",
        );
    }

    #[test]
    fn keeps_a_pure_op_used_only_by_a_live_snapshot() {
        // v1 and v2 are used by nothing but the snapshots of the guards: the
        // interpreter needs them on exit.
        check(
            "dce",
            "
            v0 = input 0
            v1 = int_add v0, 1
            v2 = int_mul v0, 2
            guard_true v0 @0
            guard_false v0 @1
            jump v0
            snapshot @0
              frame lang=0 code=c0 pc=1 regs=[v1]
            snapshot @1
              frame lang=0 code=c0 pc=2 regs=[v2]
            ",
            "
            v0 = input 0
            v1 = int_add v0, 1
            v2 = int_mul v0, 2
            guard_true v0 @0
            guard_false v0 @1
            jump v0
            ...
            ",
        );
    }

    #[test]
    fn keeps_effects_whatever_uses_their_results() {
        // Guards, writes, list_pop, calls that write or raise stay; calls
        // that only read or compute, heap reads and allocations go.
        check(
            "dce",
            "
            v0 = input 0
            v1 = int_add_ovf v0, 1 @0
            v2 = list_pop v0
            v3 = call write_fn, v0
            v4 = call raise_fn, v0 @0
            v5 = call read_fn, v0
            v6 = call pure_fn, v0
            v7 = call any_fn, v0 @0
            v8 = dict_get v0, 1
            v9 = list_get v0, 0
            v10 = new_list
            v11 = new_record c0, v10
            v12 = get_field v11, #0
            list_append v0, 5
            fuel @0
            jump v0
            ",
            "
            v0 = input 0
            v1 = int_add_ovf v0, 1 @0
            v2 = list_pop v0
            v3 = call write_fn, v0
            v4 = call raise_fn, v0 @0
            v5 = call any_fn, v0 @0
            list_append v0, 5
            fuel @0
            jump v0
            ...
            ",
        );
    }

    #[test]
    fn never_removes_inputs_label_or_params() {
        check(
            "dce",
            "
            v0 = input 0
            v1 = input 1
            label v0
            v3 = param 0
            v4 = int_add v3, v1
            jump v3
            ",
            "
            v0 = input 0
            v1 = input 1
            label v0
            v3 = param 0
            jump v3
            ",
        );
    }

    #[test]
    fn removes_unused_snapshots_and_renumbers_the_rest() {
        // @0 and @2 are used by no guard; @1 and @3 become @0 and @1. v1
        // is named only by the unused @2, so it goes too.
        check(
            "dce",
            "
            v0 = input 0
            v1 = int_add v0, 1
            guard_true v0 @1
            guard_false v0 @3
            jump v0
            snapshot @0
              frame lang=0 code=c0 pc=0 regs=[v0]
            snapshot @1
              frame lang=0 code=c0 pc=1 regs=[v0]
            snapshot @2
              frame lang=0 code=c0 pc=2 regs=[v1]
            snapshot @3
              frame lang=0 code=c0 pc=3 regs=[]
            ",
            "
            v0 = input 0
            guard_true v0 @0
            guard_false v0 @1
            jump v0
            snapshot @0
              frame lang=0 code=c0 pc=1 ret=0 regs=[v0]
            snapshot @1
              frame lang=0 code=c0 pc=3 ret=0 regs=[]
            ",
        );
    }

    #[test]
    fn keeps_values_the_loop_carries_or_the_snapshot_virtuals_need() {
        // v1 (before the label) is used only after it; v2 only by a virtual
        // and v3 only by a pending write in a live snapshot.
        check(
            "dce",
            "
            v0 = input 0
            v1 = int_mul v0, 3
            label v0
            v3 = param 0
            v4 = int_add v3, v1
            v5 = int_sub v3, 1
            guard_true v3 @0
            jump v4
            snapshot @0
              frame lang=0 code=c0 pc=1 regs=[virt0]
              virtual 0 = list [v4]
              pending dict_set v3, \"x\", v5
            ",
            "
            v0 = input 0
            v1 = int_mul v0, 3
            label v0
            v3 = param 0
            v4 = int_add v3, v1
            v5 = int_sub v3, 1
            guard_true v3 @0
            jump v4
            ...
            ",
        );
    }
}
