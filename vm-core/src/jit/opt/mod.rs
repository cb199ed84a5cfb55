//! The trace optimiser: a fixed pipeline of passes, one per file.
//!
//! Each pass takes the IR and leaves IR that means the same; each file's
//! `//!` paragraph says what the pass guarantees at its end, and its tests are
//! IR text in, IR text out (see `testing::check`).

use std::sync::atomic::{AtomicU64, Ordering};

use gc_arena::Mutation;

use crate::jit::ir::{Op, Ref, TraceIr};
use crate::jit::stopwatch::Stopwatch;

pub mod cse;
pub mod dce;
pub mod fold;
pub mod guards;
pub mod heap;
pub mod peel;
pub mod rewrite;
#[cfg(test)]
pub mod testing;
pub mod virtualize;
pub mod words;

/// The passes [`optimize`] runs, in order (names as [`run_pass`] takes them).
/// The first round simplifies what the recorder wrote so the heap cache and
/// allocation removal see canonical ops; the second cleans up after them.
// `peel` unrolls the loop once and runs the heap cache and allocation
// removal again over preamble and loop, carrying the cache across the label.
// `words` forwards word-store loads in preamble and loop (after peeling,
// so each has its own copy of the loop's loads).
pub const PIPELINE: &[&str] = &[
    "fold",
    "guards",
    "cse",
    "heap",
    "virtualize",
    "peel",
    "words",
    "fold",
    "guards",
    "cse",
    "dce",
];

/// Runs every pass of [`PIPELINE`] over `t`; in debug builds, checks the IR
/// is well formed after each.
pub fn optimize<'gc>(mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
    let watch = Stopwatch::start();
    for pass in PIPELINE {
        if let Err(e) = run_pass(pass, mc, t) {
            panic!("optimiser pipeline: {e}");
        }
        if cfg!(debug_assertions) {
            if let Err(e) = verify(t) {
                panic!("optimiser pass `{pass}` left ill-formed IR: {e}");
            }
        }
    }
    OPT_MICROS.fetch_add(watch.micros(), Ordering::Relaxed);
}

static OPT_MICROS: AtomicU64 = AtomicU64::new(0);

/// Time spent in [`optimize`] by this process so far, in microseconds
/// (`POLYVM_LOG=jit` prints it at the end of a run).
pub fn optimize_micros() -> u64 {
    OPT_MICROS.load(Ordering::Relaxed)
}

/// Runs the pass called `name` (its file name) over `t`: for tests and tools.
pub fn run_pass<'gc>(name: &str, mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) -> Result<(), String> {
    match name {
        "optimize" => optimize(mc, t),
        "cse" => cse::run(mc, t),
        "dce" => dce::run(mc, t),
        "fold" => fold::run(mc, t),
        "guards" => guards::run(mc, t),
        "heap" => heap::run(mc, t),
        "peel" => peel::run(mc, t),
        "virtualize" => virtualize::run(mc, t),
        "words" => words::run(mc, t),
        _ => return Err(format!("no optimiser pass called `{name}`")),
    }
    Ok(())
}

/// Checks that `t` is well formed: every operand names a constant of the pool
/// or an earlier op with a result; guards, and only guards, have a snapshot,
/// and it exists; a guard's snapshot names only constants and ops before it.
pub fn verify(t: &TraceIr<'_>) -> Result<(), String> {
    let check = |r: Ref, before: usize, what: &str| -> Result<(), String> {
        if r.is_const() {
            if r.index() >= t.consts.len() {
                return Err(format!("{what}: constant {r:?} is not in the pool"));
            }
        } else if r.index() >= before || !t.ops[r.index()].op.has_result() {
            return Err(format!("{what}: {r:?} is not an earlier op's result"));
        }
        Ok(())
    };
    for (i, inst) in t.ops.iter().enumerate() {
        let what = format!("op {i} ({:?})", inst.op);
        let mut err = Ok(());
        inst.op.for_each_arg(|r| {
            if err.is_ok() {
                err = check(r, i, &what);
            }
        });
        err?;
        match (inst.op.is_guard(), inst.snap) {
            (true, None) => return Err(format!("{what}: a guard without snapshot")),
            (false, Some(_)) => return Err(format!("{what}: a snapshot on a non-guard")),
            (true, Some(s)) => {
                let snap = t
                    .snapshots
                    .get(s as usize)
                    .ok_or_else(|| format!("{what}: snapshot @{s} does not exist"))?;
                let mut err = Ok(());
                snap.for_each_ref(|r| {
                    if err.is_ok() {
                        err = check(r, i, &format!("{what}, snapshot @{s}"));
                    }
                });
                err?;
            }
            (false, None) => {}
        }
        if matches!(inst.op, Op::Jump(_) | Op::Exit | Op::Finish(_)) && i + 1 != t.ops.len() {
            return Err(format!("{what}: ends the trace but is not last"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::jit::opt::testing::check;

    /// DESIGN.md's seed example, as a loop over a dict of variables. The
    /// three loads of `x` become one, its tag is checked once, the branch
    /// is one guard, `+2` and `+3` are one add; peeling moves the load and
    /// the tag check into the preamble and keeps the store pending, so the
    /// loop is a guard, an add and the fuel check.
    #[test]
    fn the_seed_example_loop_is_a_guard_and_one_add() {
        check(
            "optimize",
            "
            v0 = input 0
            label v0
            v2 = param 0
            v3 = dict_get v2, \"x\"
            guard_tag v3, int @0
            v5 = int_lt v3, 0
            guard_false v5 @0
            v7 = dict_get v2, \"x\"
            guard_tag v7, int @1
            v9 = int_add_ovf v7, 2 @1
            dict_set v2, \"x\", v9
            v11 = dict_get v2, \"x\"
            guard_tag v11, int @2
            v13 = int_add_ovf v11, 3 @2
            dict_set v2, \"x\", v13
            fuel @3
            jump v2
            snapshot @0
              frame lang=0 code=c0 pc=1 regs=[v2]
            snapshot @1
              frame lang=0 code=c0 pc=2 regs=[v2]
            snapshot @2
              frame lang=0 code=c0 pc=3 regs=[v2]
            snapshot @3
              frame lang=0 code=c0 pc=0 regs=[v2]
            ",
            "
            v0 = input 0
            v1 = dict_get v0, \"x\"
            guard_tag v1, int @0
            guard_ge v1, 0 @0
            v4 = int_add_ovf v1, 5 @1
            fuel @2
            label v4
            v7 = param 0
            guard_ge v7, 0 @3
            v9 = int_add_ovf v7, 5 @4
            fuel @5
            jump v9
            ...
            ",
        );
    }
}
