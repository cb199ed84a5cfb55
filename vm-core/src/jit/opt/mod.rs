//! The trace optimiser: a fixed pipeline of passes, one per file.
//!
//! Each pass takes the IR and leaves IR that means the same; each file's
//! `//!` paragraph says what the pass guarantees at its end, and its tests are
//! IR text in, IR text out (see `testing::check`).

use gc_arena::Mutation;

use crate::jit::ir::{Op, Ref, TraceIr};

pub mod cse;
pub mod fold;
pub mod guards;
pub mod heap;
pub mod rewrite;
pub mod virtualize;
pub mod peel;
#[cfg(test)]
pub mod testing;

/// Runs every pass over `t`.
pub fn optimize<'gc>(_mc: &Mutation<'gc>, _t: &mut TraceIr<'gc>) {}

/// Runs the pass called `name` (its file name) over `t`: for tests and tools.
pub fn run_pass<'gc>(name: &str, mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) -> Result<(), String> {
    match name {
        "optimize" => optimize(mc, t),
        "cse" => cse::run(mc, t),
        "fold" => fold::run(mc, t),
        "guards" => guards::run(mc, t),
        "heap" => heap::run(mc, t),
        "virtualize" => virtualize::run(mc, t),
        "peel" => peel::run(mc, t),
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
        if matches!(inst.op, Op::Jump(_) | Op::Exit) && i + 1 != t.ops.len() {
            return Err(format!("{what}: ends the trace but is not last"));
        }
    }
    Ok(())
}
