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
//! - Each guard branches to a cold exit block, which stores the live
//!   values of the guard's snapshot into `buf` (at their [`ExitInfo::live`]
//!   slots) and returns the exit's index, which the block takes as argument.
//!   Guards that store the same values share a block, and a block whose
//!   values include an earlier block's stores only the difference, then
//!   jumps there; all end in one tail per trace that continues through
//!   the exit's link cell or returns.
//! - `call_trace` calls another trace's code (a function trace) and gets
//!   the value it `finish`es with; see `lower::Lower::call_trace`.
//! - Heap ops and helper calls go through `extern "C"` trampolines (see
//!   `runtime`), which get the `&Mutation` from the context.
//! - Traces are linked in machine code ([`Linkage`]): the trace function uses
//!   Cranelift's `tail` calling convention, and an exit whose link cell holds
//!   the entry of other trace code (a bridge, or a compiled loop) tail-calls
//!   it with the same context and buffer instead of returning to the driver.
//!   A small `extern "C"` wrapper in the same module is what Rust calls.
//!
//! `lower` is the lowering; `runtime` holds the context, the
//! trampolines, the entry call and the freeing of code: all of the backend's
//! `unsafe` is there.
//!
//! [`Op::result_tag`]: crate::jit::ir::Op::result_tag

mod lower;
mod runtime;

pub use runtime::{STACK_BUDGET, STATUS_BUG, STATUS_FINISH};
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use cranelift_codegen::ir::{types, AbiParam, InstBuilder, Signature, UserFuncName};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, FuncId, Module};

use crate::jit::ir::{Ref, SnapId, SnapValue, TraceIr};
use crate::jit::stopwatch::Stopwatch;
use crate::value::Value;

/// One way out of a compiled trace: a guard or `exit`, in trace order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExitInfo {
    /// The snapshot the interpreter resumes from.
    pub snap: SnapId,
    /// Where the exit leaves its values in the buffer: slot `j` holds
    /// `live[j]`, every non-constant [`Ref`] the snapshot mentions
    /// ([`Snapshot::for_each_ref`](crate::jit::ir::Snapshot::for_each_ref))
    /// is in one slot, and the other slots are holes (a constant ref, never
    /// looked up). A value has the same slot at every exit of the trace that
    /// keeps it, so exits can share their stores (`lower::exits`).
    pub live: Vec<Ref>,
}

/// Where a linked bridge's input comes from: its parent's exit buffer.
#[derive(Copy, Clone, Debug)]
pub enum InputSource<'gc> {
    /// Value `j` of the buffer: the parent exit's live value `j`, or, from
    /// `live.len()` on, virtual object `j - live.len()` of its snapshot.
    Buf(u32),
    /// A constant of the parent's snapshot (rooted by the parent's constant pool).
    Const(Value<'gc>),
}

/// Where one exit may continue in machine code instead of returning.
#[derive(Clone, Debug)]
pub struct ExitLink {
    /// Address of a word holding the tail-call entry ([`CompiledCode::link_entry`])
    /// of the code to continue in, or 0 to return to the driver. The word
    /// must stay at this address as long as the code exists.
    pub cell: usize,
    /// `None`: the target takes this exit's live values in [`ExitInfo::live`]
    /// order, then its snapshot's virtual objects, built (a bridge compiled
    /// with [`Linkage::inputs`]). `Some(regs)`: the target is a loop trace
    /// that takes one frame's registers in order (the exit is an `exit` op
    /// at that loop's header; virtual registers are built first); entering
    /// it spends one unit of fuel, as the interpreter's merge point would.
    pub frame_regs: Option<Vec<SnapValue>>,
    /// With `frame_regs`: the address of an `i64` counter the link
    /// increments, and the count from which it no longer links but returns
    /// (so the driver can notice a loop that keeps leaving its trace).
    pub loopbacks: Option<(usize, i64)>,
}

/// How a trace's code connects to other traces' code. The default links nothing.
#[derive(Clone, Debug, Default)]
pub struct Linkage<'gc> {
    /// Stored in the context when the code returns to Rust, so the caller
    /// knows which trace of a chain the exit index belongs to.
    pub trace_id: u32,
    /// Per exit, in exit order (missing entries: none).
    pub exits: Vec<Option<ExitLink>>,
    /// For a bridge entered with its parent's exit buffer: the source of
    /// each `input k`. `None`: input `k` is buffer value `k`.
    pub inputs: Option<Vec<InputSource<'gc>>>,
    /// `Some(addr)`: compile quickly (the first tier: no mid-end
    /// optimisation, single-pass register allocation), and count the code's
    /// work in the `i64` at `addr`: one per loop iteration, or per entry of
    /// straight-line code. The driver recompiles it for speed once the count
    /// shows it is hot. The word must stay at this address as long as the
    /// code exists.
    pub tier_counter: Option<usize>,
}

/// The machine code of one trace. Freed when dropped.
pub struct CompiledCode {
    /// Owns the code memory; `None` only while being dropped.
    module: Option<JITModule>,
    /// The `extern "C"` wrapper Rust calls (null until compilation succeeded).
    entry: *const u8,
    /// The trace function itself, in the `tail` calling convention.
    link_entry: *const u8,
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

    /// The address other trace code tail-calls to continue here (what an
    /// [`ExitLink::cell`] holds).
    pub fn link_entry(&self) -> usize {
        self.link_entry as usize
    }
}

/// What compiling cost, summed over every trace this process compiled
/// (`POLYVM_LOG=jit` prints it at the end of a run).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct CompileStats {
    /// Traces compiled (successfully or not).
    pub traces: u64,
    /// Time spent in lowering and Cranelift, in microseconds (of CPU time
    /// when `POLYVM_LOG=jit` is set: see [`Stopwatch`]).
    pub micros: u64,
    /// Cranelift IR instructions handed to Cranelift.
    pub clif_insts: u64,
    /// Of those, the ones in cold blocks (guards' exits and slow paths).
    pub cold_insts: u64,
    /// Bytes of machine code produced.
    pub code_bytes: u64,
}

static STAT_TRACES: AtomicU64 = AtomicU64::new(0);
static STAT_MICROS: AtomicU64 = AtomicU64::new(0);
static STAT_INSTS: AtomicU64 = AtomicU64::new(0);
static STAT_COLD: AtomicU64 = AtomicU64::new(0);
static STAT_BYTES: AtomicU64 = AtomicU64::new(0);

/// The totals so far (see [`CompileStats`]).
pub fn compile_stats() -> CompileStats {
    CompileStats {
        traces: STAT_TRACES.load(Ordering::Relaxed),
        micros: STAT_MICROS.load(Ordering::Relaxed),
        clif_insts: STAT_INSTS.load(Ordering::Relaxed),
        cold_insts: STAT_COLD.load(Ordering::Relaxed),
        code_bytes: STAT_BYTES.load(Ordering::Relaxed),
    }
}

/// Compiles a trace for the host machine.
pub fn compile<'gc>(t: &TraceIr<'gc>) -> Result<CompiledCode, String> {
    compile_linked(t, &Linkage::default())
}

/// Compiles a trace whose exits may continue in other traces' code.
pub fn compile_linked<'gc>(t: &TraceIr<'gc>, link: &Linkage<'gc>) -> Result<CompiledCode, String> {
    build_linked(t, link, false).map(|(code, _)| code)
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
    build_linked(t, &Linkage::default(), listing)
}

fn build_linked<'gc>(
    t: &TraceIr<'gc>,
    link: &Linkage<'gc>,
    listing: bool,
) -> Result<(CompiledCode, Built), String> {
    let watch = Stopwatch::start();
    let built = build_timed(t, link, listing);
    STAT_TRACES.fetch_add(1, Ordering::Relaxed);
    STAT_MICROS.fetch_add(watch.micros(), Ordering::Relaxed);
    built
}

fn build_timed<'gc>(
    t: &TraceIr<'gc>,
    link: &Linkage<'gc>,
    listing: bool,
) -> Result<(CompiledCode, Built), String> {
    if cfg!(target_endian = "big") {
        // Bool payloads are read as the low byte of the payload word.
        return Err("the JIT backend supports little-endian hosts only".into());
    }
    let kind = if link.tier_counter.is_some() {
        CodeKind::Quick
    } else if t.label_pos().is_some() {
        CodeKind::Loop
    } else {
        CodeKind::Straight
    };
    let isa = host_isa(kind)?;
    let call_conv = isa.default_call_conv();
    // Owned by `code` from here on, so every error path frees it.
    let code = CompiledCode {
        module: Some(JITModule::new(JITBuilder::with_isa(
            isa,
            default_libcall_names(),
        ))),
        entry: std::ptr::null(),
        link_entry: std::ptr::null(),
        exits: Vec::new(),
        buf_len: 0,
    };
    // Cranelift's contexts keep their buffers (the function, the register
    // allocator's tables, the machine code) between compilations: a fresh
    // pair per trace made every compilation grow them again from nothing.
    let (mut ctx, mut fctx) = SCRATCH
        .with(|s| s.borrow_mut().take())
        .unwrap_or_else(|| (Context::new(), FunctionBuilderContext::new()));
    let built = define_trace(t, link, listing, code, &mut ctx, &mut fctx, call_conv);
    // A failed lowering may leave the builder context mid-function.
    if built.is_ok() {
        ctx.clear();
        SCRATCH.with(|s| *s.borrow_mut() = Some((ctx, fctx)));
    }
    built
}

thread_local! {
    /// The Cranelift contexts [`build_timed`] reuses (taken while in use).
    static SCRATCH: RefCell<Option<(Context, FunctionBuilderContext)>> = const { RefCell::new(None) };
}

/// Lowers `t` into `ctx` and defines it, with its entry wrapper, in `code`'s module.
fn define_trace<'gc>(
    t: &TraceIr<'gc>,
    link: &Linkage<'gc>,
    listing: bool,
    mut code: CompiledCode,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
    call_conv: CallConv,
) -> Result<(CompiledCode, Built), String> {
    let module = code.module.as_mut().expect("module present until drop");
    let ptr = module.target_config().pointer_type();
    let trace_sig = entry_signature(ptr, CallConv::Tail);
    module.clear_context(ctx);
    ctx.set_disasm(listing);
    ctx.func.signature = trace_sig;
    let id = module
        .declare_anonymous_function(&ctx.func.signature)
        .map_err(|e| format!("declare: {e}"))?;
    ctx.func.name = UserFuncName::user(0, id.as_u32());

    let lowered = lower::lower(
        t,
        link,
        &mut ctx.func,
        fctx,
        ptr,
        call_conv,
        module.target_config(),
    )?;
    let layout = &ctx.func.layout;
    let cold: usize = layout
        .blocks()
        .filter(|b| layout.is_cold(*b))
        .map(|b| layout.block_insts(b).count())
        .sum();
    if log_clif() {
        eprintln!(
            "jit: clif of trace {}:\n{}",
            link.trace_id,
            ctx.func.display()
        );
    }
    STAT_INSTS.fetch_add(ctx.func.dfg.num_insts() as u64, Ordering::Relaxed);
    STAT_COLD.fetch_add(cold as u64, Ordering::Relaxed);
    module.define_function(id, ctx).map_err(|e| match e {
        cranelift_module::ModuleError::Compilation(err) => {
            format!("cranelift: {err:?}\n{}", ctx.func.display())
        }
        e => format!("cranelift: {e}"),
    })?;
    if let Some(c) = ctx.compiled_code() {
        STAT_BYTES.fetch_add(c.code_buffer().len() as u64, Ordering::Relaxed);
    }
    let mut text = String::new();
    if listing {
        text = format!("{}", ctx.func.display());
        if let Some(vcode) = ctx.compiled_code().and_then(|c| c.vcode.as_ref()) {
            text.push_str("\n; machine code\n");
            text.push_str(vcode);
        }
    }
    let func = listing.then(|| ctx.func.clone());
    let wrapper = define_wrapper(module, id, ptr, call_conv, ctx, fctx)?;
    module
        .finalize_definitions()
        .map_err(|e| format!("finalize: {e}"))?;

    code.entry = module.get_finalized_function(wrapper);
    code.link_entry = module.get_finalized_function(id);
    // A linked exit leaves its snapshot's virtual objects after its live values.
    code.buf_len = lowered
        .exits
        .iter()
        .map(|e| e.live.len() + t.snapshots[e.snap as usize].virtuals.len())
        .max()
        .unwrap_or(0)
        .max(lowered.n_inputs);
    code.exits = lowered.exits;
    let built = Built {
        listing: text,
        func,
        loop_block: lowered.loop_block,
    };
    Ok((code, built))
}

/// The number of Cranelift instructions lowering `t` hands to Cranelift
/// (what the `clif_insts` statistic counts), without compiling them.
#[cfg(test)]
fn lowered_insts(t: &TraceIr<'_>) -> Result<usize, String> {
    let isa = host_isa(CodeKind::Straight)?;
    let ptr = isa.pointer_type();
    let mut func = cranelift_codegen::ir::Function::with_name_signature(
        UserFuncName::user(0, 0),
        entry_signature(ptr, CallConv::Tail),
    );
    let mut fctx = FunctionBuilderContext::new();
    let link = Linkage::default();
    let call_conv = isa.default_call_conv();
    lower::lower(
        t,
        &link,
        &mut func,
        &mut fctx,
        ptr,
        call_conv,
        isa.frontend_config(),
    )?;
    Ok(func.dfg.num_insts())
}

/// `POLYVM_LOG=clif`: print each trace's Cranelift IR as handed to Cranelift.
fn log_clif() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| {
        std::env::var("POLYVM_LOG")
            .unwrap_or_default()
            .split(',')
            .any(|s| s.trim() == "clif")
    })
}

/// `(ctx: ptr, buf: ptr) -> i32` in calling convention `cc`.
fn entry_signature(ptr: types::Type, cc: CallConv) -> Signature {
    let mut sig = Signature::new(cc);
    sig.params.push(AbiParam::new(ptr)); // ctx
    sig.params.push(AbiParam::new(ptr)); // buf
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

/// Defines the host-convention function Rust calls, which calls the trace
/// function `trace` (tail convention) and returns its result.
fn define_wrapper(
    module: &mut JITModule,
    trace: FuncId,
    ptr: types::Type,
    call_conv: CallConv,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
) -> Result<FuncId, String> {
    module.clear_context(ctx);
    ctx.func.signature = entry_signature(ptr, call_conv);
    let id = module
        .declare_anonymous_function(&ctx.func.signature)
        .map_err(|e| format!("declare: {e}"))?;
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let block = b.create_block();
    b.append_block_params_for_function_params(block);
    b.switch_to_block(block);
    let args = b.block_params(block).to_vec();
    let callee = module.declare_func_in_func(trace, b.func);
    let call = b.ins().call(callee, &args);
    let result = b.inst_results(call)[0];
    b.ins().return_(&[result]);
    b.seal_all_blocks();
    b.finalize(module.target_config());
    module
        .define_function(id, ctx)
        .map_err(|e| format!("cranelift (entry wrapper): {e}"))?;
    Ok(id)
}

/// What a trace's code is, for the choice of Cranelift settings.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum CodeKind {
    /// A loop (a trace with a label): where compiled code spends its time.
    Loop,
    /// Straight-line code: a bridge or a function trace.
    Straight,
    /// The first tier ([`Linkage::tier_counter`]): any trace, compiled fast.
    Quick,
}

/// The host's instruction set with the backend's settings for `kind`, made once.
///
/// Both kinds use regalloc2's backtracking allocator. The single-pass one
/// (`POLYVM_CRANELIFT_STRAIGHT=regalloc_algorithm=single_pass`) compiles
/// straight-line traces in about 60% of the time (bench.php's heapsort, 23
/// traces: 58 → 38-46 ms of backend CPU), but its code is slower where
/// bridges are hot: py richards 1.49-1.62 → 1.59-1.79 s of CPU (release,
/// session 5), so it is not the default.
fn host_isa(kind: CodeKind) -> Result<OwnedTargetIsa, String> {
    static LOOP: OnceLock<Result<OwnedTargetIsa, String>> = OnceLock::new();
    static STRAIGHT: OnceLock<Result<OwnedTargetIsa, String>> = OnceLock::new();
    static QUICK: OnceLock<Result<OwnedTargetIsa, String>> = OnceLock::new();
    let cell = match kind {
        CodeKind::Loop => &LOOP,
        CodeKind::Straight => &STRAIGHT,
        CodeKind::Quick => &QUICK,
    };
    cell.get_or_init(|| {
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
            // Cranelift's x64 tail calls (trace linking) need frame pointers.
            ("preserve_frame_pointers", "true"),
            ("regalloc_algorithm", "backtracking"),
        ] {
            flags
                .set(name, value)
                .map_err(|e| format!("cranelift flag {name}: {e}"))?;
        }
        // For measuring other settings without a rebuild:
        // `POLYVM_CRANELIFT=opt_level=none,regalloc_algorithm=single_pass`
        // (every trace), `POLYVM_CRANELIFT_STRAIGHT=...` (straight-line ones).
        let extra = match kind {
            CodeKind::Loop => String::new(),
            CodeKind::Straight => std::env::var("POLYVM_CRANELIFT_STRAIGHT").unwrap_or_default(),
            // A third to a half of the compile time of the other kinds
            // (chat_parser on the clause-level Prolog engine: 778 traces,
            // 1.74 s -> 0.49 s; bench.php's heapsort, 12 traces: 62M -> 29M
            // instructions), for code that runs 10-30% more instructions.
            CodeKind::Quick => "opt_level=none,regalloc_algorithm=single_pass".to_string(),
        };
        let common = std::env::var("POLYVM_CRANELIFT").unwrap_or_default();
        for setting in common.split(',').chain(extra.split(',')) {
            if let Some((name, value)) = setting.split_once('=') {
                flags
                    .set(name.trim(), value.trim())
                    .map_err(|e| format!("POLYVM_CRANELIFT {name}: {e}"))?;
            }
        }
        let builder = cranelift_native::builder().map_err(|e| format!("host ISA: {e}"))?;
        builder
            .finish(settings::Flags::new(flags))
            .map_err(|e| format!("host ISA: {e}"))
    })
    .clone()
}
