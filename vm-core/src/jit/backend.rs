//! Lowers optimised traces to machine code with Cranelift.
//!
//! (Placeholder API until the backend lands: every compile fails, so the
//! driver keeps interpreting.)

use gc_arena::Mutation;

use crate::jit::ir::{Ref, SnapId, TraceIr};
use crate::value::Value;

/// Machine code for one trace.
pub struct CompiledCode {
    exits: Vec<ExitInfo>,
}

/// What one exit leaves in the buffer.
pub struct ExitInfo {
    /// The snapshot to resume from.
    pub snap: SnapId,
    /// The values written to the buffer, in order.
    pub live: Vec<Ref>,
}

/// Compiles a trace.
pub fn compile<'gc>(_t: &TraceIr<'gc>) -> Result<CompiledCode, String> {
    Err("no backend".into())
}

impl CompiledCode {
    /// One entry per guard, in guard order.
    pub fn exits(&self) -> &[ExitInfo] {
        &self.exits
    }
    /// Size of the value buffer `run` needs.
    pub fn buf_len(&self) -> usize {
        0
    }
    /// Runs the trace; returns the exit index.
    pub fn run<'gc>(&self, _mc: &Mutation<'gc>, _fuel: &mut i64, _buf: &mut [Value<'gc>]) -> u32 {
        0
    }
}
