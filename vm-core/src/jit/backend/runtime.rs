//! The glue between trace code and Rust: the context trace code runs with,
//! the entry call, the trampolines it calls for heap ops and helpers, and the
//! freeing of code. All of the backend's `unsafe` is in this file.
//!
//! Why the raw accesses are sound, once for all of them:
//! - Every value buffer trace code reads holds valid [`Value`]s: the entry
//!   buffer comes from a `&mut [Value]`, and every value trace code stores
//!   (into the buffer at an exit, into the call slot before a trampoline) is
//!   a tag byte and a normalised payload word produced by ops of the trace
//!   for that tag: constants of the trace, values loaded from valid values,
//!   or results of arithmetic whose tag is the op's result tag. A heap tag is
//!   never attached to a computed payload, only to a payload that came with
//!   that tag from a real value (see `lower`).
//! - Heap pointers stay alive and in place: constants are rooted by the
//!   trace's const pool, other objects are reachable from the frames the
//!   inputs came from or are fresh allocations of this `mutate` call, and
//!   the collector never runs during a `mutate` call (`Vm::collect_if_due`
//!   runs between slices), so nothing moves or dies while trace code runs.
//! - Trace code runs only inside [`CompiledCode::run`], which holds the
//!   `&Mutation` for the call's duration; trampolines get it back from the
//!   context with the caller's (unnamed) `'gc`, and use it only inside the call.

use gc_arena::Mutation;

use super::CompiledCode;
use crate::heap;
use crate::jit::helpers::Helper;
use crate::jit::ir::Op;
use crate::jit::NestedExit;
use crate::value::{Value, PAYLOAD_OFFSET, TAG_OFFSET, VALUE_SIZE};

/// What trace code gets besides the value buffer.
#[repr(C)]
pub(super) struct JitCtx {
    /// The executor's fuel; trace code keeps it in a register and stores it
    /// back at every exit.
    pub fuel: i64,
    /// The `&Mutation<'gc>` of the running `mutate` call, erased.
    pub mc: *const (),
    /// Written by the exit that returns: the [`Linkage::trace_id`] of the
    /// trace it belongs to (code linked in machine code may have run several).
    ///
    /// [`Linkage::trace_id`]: super::Linkage::trace_id
    pub trace: u32,
    /// The lowest stack address `call_trace` may call from (machine-code
    /// recursion stops there; see [`STACK_BUDGET`]).
    pub stack_limit: usize,
    /// The values in the buffer, for [`save_nested`] to copy.
    pub buf_len: usize,
    /// The `Vec<NestedExit<'gc>>` that [`save_nested`] appends to, erased.
    pub nested: *mut (),
}

/// Offset of [`JitCtx::fuel`].
pub(super) const CTX_FUEL_OFFSET: i32 = std::mem::offset_of!(JitCtx, fuel) as i32;
/// Offset of [`JitCtx::trace`].
pub(super) const CTX_TRACE_OFFSET: i32 = std::mem::offset_of!(JitCtx, trace) as i32;
/// Offset of [`JitCtx::stack_limit`].
pub(super) const CTX_STACK_LIMIT_OFFSET: i32 = std::mem::offset_of!(JitCtx, stack_limit) as i32;

/// What trace code returns when its root frame returned (`finish`): the
/// value is in buffer slot 0. Every other return value is an exit's index.
pub const STATUS_FINISH: u32 = u32::MAX;

/// What trace code returns when it found a record without a field it
/// reads or writes: an interpreter bug (see the backend's `bug_block`).
pub const STATUS_BUG: u32 = u32::MAX - 1;

/// The stack machine code may use for `call_trace` recursion, below where
/// [`CompiledCode::run_nested`] was called: a call that would go deeper
/// exits, and the interpreter goes on with frames of its own, on the heap.
/// Small enough for a thread with Rust's default 2 MiB stack.
pub const STACK_BUDGET: usize = 1 << 20;

/// Called by a `call_trace` whose callee returned exit `exit` instead of
/// finishing: keeps that exit (its trace, from the context, and the buffer
/// it filled) for the driver, before the caller takes its own exit.
///
/// # Safety
/// `ctx` is the context of a running [`CompiledCode::run_nested`] call,
/// whose `nested` points to that call's `Vec<NestedExit<'gc>>`, and `buf`
/// holds `ctx.buf_len` valid values of its arena.
pub(super) unsafe extern "C" fn save_nested(ctx: *mut JitCtx, buf: *const u8, exit: u32) {
    // SAFETY: per the contract, `ctx` is live and its `nested` is the
    // exclusive `&mut Vec` that `run_nested` erased (no other reference to
    // it exists while machine code runs), and the buffer holds `buf_len`
    // valid values that nothing else accesses during this call.
    unsafe {
        let ctx = &mut *ctx;
        let nested = &mut *(ctx.nested as *mut Vec<NestedExit<'_>>);
        let values = std::slice::from_raw_parts(buf as *const Value<'_>, ctx.buf_len);
        nested.push(NestedExit {
            trace: ctx.trace,
            exit,
            values: values.to_vec(),
        });
    }
}

/// A trampoline's status: the op succeeded.
pub(super) const STATUS_OK: u32 = 0;
/// A trampoline's status: the helper raised (the exception is dropped; the
/// interpreter redoes the call from the guard's snapshot).
pub(super) const STATUS_RAISED: u32 = 1;

/// The one signature of trampolines: `(ctx, slot, n, imm) -> status`. The
/// call slot holds the result in value 0 and the `n` arguments in values
/// `1..=n`; `imm` is the op's immediate (field index, helper address).
type TrampFn = unsafe extern "C" fn(*mut JitCtx, *mut u8, u64, u64) -> u32;

/// The operations trace code does through a trampoline.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Tramp {
    NewList,
    NewDict,
    NewRecord,
    NewRecordOfNones,
    ListLen,
    ListGet,
    ListSet,
    ListAppend,
    ListPop,
    ListTruncate,
    DictGet,
    DictSet,
    SetField,
    WordsPush,
    Call,
}

impl Tramp {
    /// The trampoline that performs `op`, if it needs one. Record fields
    /// are read and written in place (the backend's `field_loc`); only a
    /// linked exit's delayed writes use [`Tramp::SetField`].
    pub fn of(op: &Op) -> Option<Tramp> {
        Some(match op {
            Op::NewList => Tramp::NewList,
            Op::NewDict => Tramp::NewDict,
            Op::NewRecord(..) => Tramp::NewRecord,
            Op::ListLen(_) => Tramp::ListLen,
            Op::ListGet(..) => Tramp::ListGet,
            Op::ListSet(..) => Tramp::ListSet,
            Op::ListAppend(..) => Tramp::ListAppend,
            Op::ListPop(_) => Tramp::ListPop,
            Op::ListTruncate(..) => Tramp::ListTruncate,
            Op::DictGet(..) => Tramp::DictGet,
            Op::DictSet(..) => Tramp::DictSet,
            // Only to grow a full buffer; room is used inline.
            Op::WordsPush(..) => Tramp::WordsPush,
            Op::Call(..) => Tramp::Call,
            _ => return None,
        })
    }

    /// The trampoline's address, for trace code to call.
    pub fn addr(self) -> usize {
        let f: TrampFn = match self {
            Tramp::NewList => new_list,
            Tramp::NewDict => new_dict,
            Tramp::NewRecord => new_record,
            Tramp::NewRecordOfNones => new_record_of_nones,
            Tramp::ListLen => list_len,
            Tramp::ListGet => list_get,
            Tramp::ListSet => list_set,
            Tramp::ListAppend => list_append,
            Tramp::ListPop => list_pop,
            Tramp::ListTruncate => list_truncate,
            Tramp::DictGet => dict_get,
            Tramp::DictSet => dict_set,
            Tramp::SetField => set_field,
            Tramp::WordsPush => words_push,
            Tramp::Call => call,
        };
        f as usize
    }
}

/// Runs `f` on the `&Mutation` and the arguments of a trampoline call and
/// stores its result (normalised, like every value trace code reads) in slot
/// value 0. `Err` is a raised exception: it is dropped and the status says so.
///
/// # Safety
/// `ctx` is the context of a running [`CompiledCode::run`] whose `&Mutation`
/// has lifetime `'gc`; `slot` is 16-aligned, `(n + 1) * 16` bytes, writable,
/// and values `1..=n` of it are valid values of that arena (module docs).
unsafe fn with_args<'gc>(
    ctx: *mut JitCtx,
    slot: *mut u8,
    n: u64,
    f: impl FnOnce(&Mutation<'gc>, &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>>,
) -> u32 {
    // SAFETY: per this function's contract, `ctx.mc` is the `&Mutation<'gc>`
    // that `run` erased and still borrows, and slot values 1..=n are valid,
    // aligned values that nothing writes while the slice lives.
    let (mc, args) = unsafe {
        (
            &*((*ctx).mc as *const Mutation<'gc>),
            std::slice::from_raw_parts(slot.add(VALUE_SIZE) as *const Value<'gc>, n as usize),
        )
    };
    let (out, status) = match f(mc, args) {
        Ok(v) => (v, STATUS_OK),
        Err(_) => (Value::None, STATUS_RAISED),
    };
    // SAFETY: slot value 0 is 16 writable, aligned bytes of the slot, disjoint
    // from the (no longer used) argument slice.
    unsafe {
        slot.add(TAG_OFFSET as usize).write(out.tag().byte());
        (slot.add(PAYLOAD_OFFSET as usize) as *mut u64).write(out.payload_bits());
    }
    status
}

/// Defines trampolines: `name = |mc, args, imm| body;` where `body` is a
/// `Result<Value, Value>` (ops without a result return `Value::None`).
macro_rules! trampolines {
    ($( $(#[$doc:meta])* $name:ident = |$mc:pat_param, $args:pat_param, $imm:pat_param| $body:expr; )*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// Called only by trace code, with `with_args`'s contract.
        unsafe extern "C" fn $name(ctx: *mut JitCtx, slot: *mut u8, n: u64, imm: u64) -> u32 {
            let $imm = imm;
            // SAFETY: trace code calls this only from `Lower::call`, passing the
            // context of the running `CompiledCode::run` and its call slot with
            // `n` arguments stored as valid values: `with_args`'s contract.
            unsafe { with_args(ctx, slot, n, |$mc, $args| $body) }
        }
    )*};
}

trampolines! {
    /// `new_list`.
    new_list = |mc, _, _| Ok(heap::new_list(mc));
    /// `new_dict`.
    new_dict = |mc, _, _| Ok(heap::new_dict(mc));
    /// `new_record class, fields...`.
    new_record = |mc, a, _| Ok(heap::new_record_from(mc, a[0], &a[1..]));
    /// `new_record class` with `imm` fields, all `None` (a linked exit
    /// building a virtual record stores the others in place).
    new_record_of_nones = |mc, a, imm| Ok(heap::new_record_of_nones(mc, a[0], imm as usize));
    /// `list_len list`.
    list_len = |_, a, _| Ok(Value::Int(heap::list_len(a[0])));
    /// `list_get list, index`.
    list_get = |_, a, _| Ok(heap::list_get(a[0], int(a[1])));
    /// `list_set list, index, value`.
    list_set = |mc, a, _| {
        heap::list_set(mc, a[0], int(a[1]), a[2]);
        Ok(Value::None)
    };
    /// `list_append list, value`.
    list_append = |mc, a, _| {
        heap::list_append(mc, a[0], a[1]);
        Ok(Value::None)
    };
    /// `list_pop list`.
    list_pop = |mc, a, _| Ok(heap::list_pop(mc, a[0]));
    /// `list_truncate list, n`.
    list_truncate = |mc, a, _| {
        heap::list_truncate(mc, a[0], int(a[1]));
        Ok(Value::None)
    };
    /// `dict_get dict, key`.
    dict_get = |_, a, _| Ok(heap::dict_get(a[0], a[1]));
    /// `dict_set dict, key, value`.
    dict_set = |mc, a, _| {
        heap::dict_set(mc, a[0], a[1], a[2]);
        Ok(Value::None)
    };
    /// `set_field record, #imm, value` (a linked exit's delayed write).
    set_field = |mc, a, k| {
        heap::set_field(mc, a[0], k as u32, a[1]);
        Ok(Value::None)
    };
    /// `words_push store, word` when the buffer is full: grows it, then pushes.
    words_push = |mc, a, _| {
        crate::words::push_value(mc, a[0], int(a[1]) as u64);
        Ok(Value::None)
    };
}

/// `call helper, args...`; `imm` is the helper's address.
///
/// # Safety
/// Called only by trace code, with `with_args`'s contract, and `imm` the
/// address of a `&'static Helper`.
unsafe extern "C" fn call(ctx: *mut JitCtx, slot: *mut u8, n: u64, imm: u64) -> u32 {
    // SAFETY: `Lower` passes the address of the op's `&'static Helper` as `imm`.
    let h = unsafe { &*(imm as usize as *const Helper) };
    // SAFETY: as for the other trampolines: `with_args`'s contract holds.
    unsafe {
        with_args(ctx, slot, n, |mc, a| match (h.func)(mc, a) {
            Err(_) if !h.effects.may_raise => {
                panic!("helper {} raised but does not declare may_raise", h.name)
            }
            r => r,
        })
    }
}

/// An int operand (the trace guarantees the tag).
fn int(v: Value<'_>) -> i64 {
    match v {
        Value::Int(i) => i,
        other => panic!("int operand expected, got {other:?}"),
    }
}

/// An address in the current stack frame (stacks grow down on every host
/// Cranelift supports here).
#[inline(never)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The signature of trace code.
type EntryFn<'gc> = unsafe extern "C" fn(*mut JitCtx, *mut Value<'gc>) -> u32;

impl CompiledCode {
    /// Runs the trace. `buf[0..n_inputs]` holds the inputs; on return,
    /// `buf[0..live.len()]` holds the live values of the exit taken, in
    /// [`ExitInfo::live`](super::ExitInfo::live) order. Returns the exit's
    /// index. `fuel` is decremented once per `fuel` op; that op exits when it
    /// goes below 0.
    ///
    /// Panics unless `buf.len() >= self.buf_len()`.
    pub fn run<'gc>(&self, mc: &Mutation<'gc>, fuel: &mut i64, buf: &mut [Value<'gc>]) -> u32 {
        self.run_linked(mc, fuel, buf).1
    }

    /// Like [`CompiledCode::run`], for code whose exits may continue in other
    /// traces' code: returns the [`Linkage::trace_id`](super::Linkage::trace_id)
    /// of the trace whose exit returned, and that exit's index.
    ///
    /// `buf` must be long enough for every trace the code may link to (the
    /// longest [`CompiledCode::buf_len`] of them).
    pub fn run_linked<'gc>(
        &self,
        mc: &Mutation<'gc>,
        fuel: &mut i64,
        buf: &mut [Value<'gc>],
    ) -> (u32, u32) {
        self.run_nested(mc, fuel, buf, &mut Vec::new(), STACK_BUDGET)
    }

    /// Like [`CompiledCode::run_linked`], for code that may call other
    /// traces (`call_trace`): the exits of called traces that left machine
    /// code are appended to `nested`, innermost first (see [`NestedExit`]);
    /// the exit returned is the outermost one. The returned exit index is
    /// [`STATUS_FINISH`] when the root frame returned (value in `buf[0]`).
    pub fn run_nested<'gc>(
        &self,
        mc: &Mutation<'gc>,
        fuel: &mut i64,
        buf: &mut [Value<'gc>],
        nested: &mut Vec<NestedExit<'gc>>,
        stack_budget: usize,
    ) -> (u32, u32) {
        assert!(
            buf.len() >= self.buf_len,
            "trace buffer holds {} values, needs {}",
            buf.len(),
            self.buf_len
        );
        assert!(
            !self.entry.is_null(),
            "running a trace that failed to compile"
        );
        let mut ctx = JitCtx {
            fuel: *fuel,
            mc: mc as *const Mutation<'gc> as *const (),
            trace: u32::MAX,
            stack_limit: stack_address().saturating_sub(stack_budget),
            buf_len: buf.len(),
            nested: nested as *mut Vec<NestedExit<'gc>> as *mut (),
        };
        // SAFETY: `entry` is this module's finalized wrapper, which `build`
        // declared as `(ctx: ptr, buf: ptr) -> i32` in the host's C calling
        // convention, and the module lives as long as `self`. The code reads
        // `buf_len` values at most from `buf` (asserted above; code it links
        // to needs at most what the caller promised) and writes only valid
        // values (module docs); `ctx` outlives the call. Link cells hold the
        // entries of code that the driver never frees while this code lives
        // (traces are kept for the VM's lifetime), or 0. `ctx.nested` is the
        // `nested` borrowed for the call, used only by `save_nested`.
        let exit = unsafe {
            let entry: EntryFn<'gc> = std::mem::transmute(self.entry);
            entry(&mut ctx, buf.as_mut_ptr())
        };
        *fuel = ctx.fuel;
        (ctx.trace, exit)
    }
}

impl Drop for CompiledCode {
    fn drop(&mut self) {
        if let Some(module) = self.module.take() {
            // SAFETY: `run` borrows `self`, so none of this module's code is
            // running. Pointers into it are `entry`, which dies with `self`,
            // and the `link_entry` copies in link cells, which whoever
            // links code keeps only while this code lives (the driver keeps
            // every trace for the VM's lifetime and drops them all at once,
            // when no code runs).
            unsafe { module.free_memory() }
        }
    }
}
