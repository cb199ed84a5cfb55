//! Lowers optimised traces to machine code with Cranelift, and runs it.
//!
//! One Cranelift function per trace:
//! `extern "C" fn(ctx: *mut JitCtx, buf: *mut Value) -> u32`.
//!
//! - The entry block loads the inputs from `buf` (tag byte at offset 0,
//!   payload word at offset 8), runs the preamble (the ops before the label)
//!   and jumps to the loop block, whose block parameters are the trace's
//!   params; `jump` branches back to it. A trace without a label (a bridge)
//!   ends in `exit`.
//! - Every SSA value is a (tag, payload) pair, but tags known at compile time
//!   (constants, [`Op::result_tag`], operands of a passed `guard_tag`) are not
//!   materialised: such a value is its payload alone, typed `i8` for Bool,
//!   `f64` for Float, `i64` otherwise. Guards on known facts fold away.
//! - Each guard branches to its own cold exit block, which stores the live
//!   values of the guard's snapshot into `buf` (in [`ExitInfo::live`] order)
//!   and returns the exit's index.
//! - Heap ops and helper calls go through `extern "C"` trampolines (see
//!   `runtime`), which get the `&Mutation` from the context.
//!
//! `lower` is the lowering; `runtime` holds the context, the
//! trampolines, the entry call and the freeing of code: all of the backend's
//! `unsafe` is there.
//!
//! [`Op::result_tag`]: crate::jit::ir::Op::result_tag

mod lower;
mod runtime;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use cranelift_codegen::ir::{types, AbiParam, UserFuncName};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Module};

use crate::jit::ir::{Ref, SnapId, TraceIr};

/// One way out of a compiled trace: a guard or `exit`, in trace order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExitInfo {
    /// The snapshot the interpreter resumes from.
    pub snap: SnapId,
    /// The values the exit leaves in the buffer, in this order: every
    /// non-constant [`Ref`] the snapshot mentions, deduplicated, first-seen
    /// order of [`Snapshot::for_each_ref`](crate::jit::ir::Snapshot::for_each_ref).
    pub live: Vec<Ref>,
}

/// The machine code of one trace. Freed when dropped.
pub struct CompiledCode {
    /// Owns the code memory; `None` only while being dropped.
    module: Option<JITModule>,
    /// The trace's function (null until compilation succeeded).
    entry: *const u8,
    exits: Vec<ExitInfo>,
    buf_len: usize,
}

impl CompiledCode {
    /// The trace's exits: index `i` is what [`CompiledCode::run`] returns for
    /// it. One per guard op (and `exit`), in trace order, including guards
    /// that compilation proved always pass (their exits never fire).
    pub fn exits(&self) -> &[ExitInfo] {
        &self.exits
    }

    /// The number of values the buffer passed to [`CompiledCode::run`] must
    /// hold: the inputs, and the live values of any exit.
    pub fn buf_len(&self) -> usize {
        self.buf_len
    }
}

/// Compiles a trace for the host machine.
pub fn compile<'gc>(t: &TraceIr<'gc>) -> Result<CompiledCode, String> {
    build(t, false).map(|(code, _)| code)
}

/// Compiles a trace and returns, besides the code, a listing of the optimised
/// Cranelift IR followed by the machine code (for `POLYVM_LOG` and debugging).
pub fn compile_with_listing<'gc>(t: &TraceIr<'gc>) -> Result<(CompiledCode, String), String> {
    build(t, true).map(|(code, built)| (code, built.listing))
}

/// What [`build`] knows besides the code.
struct Built {
    listing: String,
    /// The optimised function when a listing was asked for, for tests that inspect it.
    #[cfg_attr(not(test), allow(dead_code))]
    func: Option<cranelift_codegen::ir::Function>,
    #[cfg_attr(not(test), allow(dead_code))]
    loop_block: Option<cranelift_codegen::ir::Block>,
}

fn build(t: &TraceIr<'_>, listing: bool) -> Result<(CompiledCode, Built), String> {
    if cfg!(target_endian = "big") {
        // Bool payloads are read as the low byte of the payload word.
        return Err("the JIT backend supports little-endian hosts only".into());
    }
    let isa = host_isa()?;
    let call_conv = isa.default_call_conv();
    // Owned by `code` from here on, so every error path frees it.
    let mut code = CompiledCode {
        module: Some(JITModule::new(JITBuilder::with_isa(
            isa,
            default_libcall_names(),
        ))),
        entry: std::ptr::null(),
        exits: Vec::new(),
        buf_len: 0,
    };
    let module = code.module.as_mut().expect("module present until drop");
    let ptr = module.target_config().pointer_type();

    let mut ctx = module.make_context();
    ctx.set_disasm(listing);
    ctx.func.signature.params.push(AbiParam::new(ptr)); // ctx
    ctx.func.signature.params.push(AbiParam::new(ptr)); // buf
    ctx.func.signature.returns.push(AbiParam::new(types::I32));
    let id = module
        .declare_anonymous_function(&ctx.func.signature)
        .map_err(|e| format!("declare: {e}"))?;
    ctx.func.name = UserFuncName::user(0, id.as_u32());

    let lowered = lower::lower(
        t,
        &mut ctx.func,
        &mut FunctionBuilderContext::new(),
        ptr,
        call_conv,
        module.target_config(),
    )?;
    module.define_function(id, &mut ctx).map_err(|e| match e {
        cranelift_module::ModuleError::Compilation(err) => {
            format!("cranelift: {err:?}\n{}", ctx.func.display())
        }
        e => format!("cranelift: {e}"),
    })?;
    module
        .finalize_definitions()
        .map_err(|e| format!("finalize: {e}"))?;

    let mut text = String::new();
    if listing {
        text = format!("{}", ctx.func.display());
        if let Some(vcode) = ctx.compiled_code().and_then(|c| c.vcode.as_ref()) {
            text.push_str("\n; machine code\n");
            text.push_str(vcode);
        }
    }
    code.entry = module.get_finalized_function(id);
    code.buf_len = lowered
        .exits
        .iter()
        .map(|e| e.live.len())
        .max()
        .unwrap_or(0)
        .max(lowered.n_inputs);
    code.exits = lowered.exits;
    let built = Built {
        listing: text,
        func: listing.then(|| ctx.func.clone()),
        loop_block: lowered.loop_block,
    };
    Ok((code, built))
}

/// The host's instruction set with the backend's settings, made once.
fn host_isa() -> Result<OwnedTargetIsa, String> {
    static ISA: OnceLock<Result<OwnedTargetIsa, String>> = OnceLock::new();
    ISA.get_or_init(|| {
        let mut flags = settings::builder();
        let verify = if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        };
        for (name, value) in [
            ("opt_level", "speed"),
            ("enable_verifier", verify),
            // The code calls trampolines by absolute address; no relocations.
            ("is_pic", "false"),
            ("use_colocated_libcalls", "false"),
            // Nothing unwinds through trace code: trampolines never unwind.
            ("unwind_info", "false"),
        ] {
            flags
                .set(name, value)
                .map_err(|e| format!("cranelift flag {name}: {e}"))?;
        }
        let builder = cranelift_native::builder().map_err(|e| format!("host ISA: {e}"))?;
        builder
            .finish(settings::Flags::new(flags))
            .map_err(|e| format!("host ISA: {e}"))
    })
    .clone()
}
