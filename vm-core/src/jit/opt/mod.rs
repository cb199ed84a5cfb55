//! The trace optimiser: a fixed pipeline of passes, one per file.

use gc_arena::Mutation;

use crate::jit::ir::TraceIr;

/// Runs every pass over `t`.
pub fn optimize<'gc>(_mc: &Mutation<'gc>, _t: &mut TraceIr<'gc>) {}
