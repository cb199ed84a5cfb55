//! What the executor does when the JIT is involved: at merge points (start
//! recording, close a trace, enter compiled code), while recording, and at
//! trace exits (rebuild frames from a snapshot, start bridges).

use gc_arena::{Collect, Mutation};

use crate::exec::{Config, Language, Root, Slice};
use crate::jit::ir::TraceIr;

/// A compiled trace and the IR it came from.
#[derive(Collect)]
#[collect(no_drop)]
pub struct CompiledTrace<'gc> {
    /// The optimised IR (its constants are this trace's roots).
    pub ir: TraceIr<'gc>,
}

/// Runs one recording step of the top frame; `Some` ends the slice.
pub fn record_step<'gc>(
    _mc: &Mutation<'gc>,
    _root: &mut Root<'gc>,
    _langs: &[Box<dyn Language>],
    _config: &Config,
    _fuel: &mut i64,
) -> Option<Slice<'gc>> {
    None
}

/// Handles [`crate::exec::Action::Jit`] from the plain interpreter.
pub fn at_merge_point<'gc>(
    _mc: &Mutation<'gc>,
    _root: &mut Root<'gc>,
    _langs: &[Box<dyn Language>],
    _config: &Config,
    _fuel: &mut i64,
) -> Option<Slice<'gc>> {
    None
}
