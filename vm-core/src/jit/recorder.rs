//! The recording instance of [`Meta`]: every operation computes its result
//! *and* appends IR; every decision on a value appends a guard.
//!
//! The recorder follows execution through calls into any language: the
//! executor tells it when a frame is pushed or popped, and a frame's registers
//! are shadowed by IR refs (`Frame::shadow`), so register traffic costs
//! nothing in the trace. Each guard gets the snapshot of the instruction it
//! belongs to: every frame live in the trace, with code, pc and register refs
//! as they were when the instruction began.

use gc_arena::{Collect, Mutation};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::exec::Frame;
use crate::heap::{self, LangId};
use crate::jit::helpers::Helper;
use crate::jit::ir::{
    Cmp, FloatOp, IntOp, Op, OvfOp, Ref, SnapFrame, SnapId, SnapValue, Snapshot, TraceIr,
};
use crate::jit::GreenKey;
use crate::meta::{float_of, int_of, words_of, Meta};
use crate::value::{Tag, Value};

/// A value while recording: the concrete value and the IR that computes it.
#[derive(Copy, Clone, Debug)]
pub struct RV<'gc> {
    /// The concrete value.
    pub v: Value<'gc>,
    /// Its IR ref.
    pub r: Ref,
}

/// What is being recorded.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TraceKind {
    /// A loop, from its header back to it.
    Loop,
    /// A bridge from exit `exit` of trace `parent`, to a loop header or an exit.
    Bridge { parent: usize, exit: u32 },
    /// A function, from the entry of its frame (pc 0) to its return.
    Function,
}

/// A `call_trace` whose callee the interpreter is running while the
/// recording waits (see [`Recorder::call_trace`]).
#[derive(Copy, Clone, Debug)]
pub struct PausedCall {
    /// Index in the executor's frame stack of the calling frame.
    pub caller_depth: usize,
    /// The `call_trace` op, whose result the callee's return value becomes.
    pub result: Ref,
}

/// A frame whose state is fixed while a callee runs: how it resumes.
#[derive(Clone, Debug)]
struct FrozenFrame {
    lang: LangId,
    code: Ref,
    pc: u32,
    ret_reg: u32,
    regs: Vec<Ref>,
}

impl FrozenFrame {
    fn to_snap(&self) -> SnapFrame {
        SnapFrame {
            lang: self.lang,
            code: self.code,
            pc: self.pc,
            ret_reg: self.ret_reg,
            regs: self.regs.iter().map(|r| SnapValue::Ref(*r)).collect(),
        }
    }
}

/// The state of an in-progress recording.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Recorder<'gc> {
    /// The IR so far.
    pub trace: TraceIr<'gc>,
    /// The loop header this trace starts at (for bridges: the parent's loop).
    #[collect(require_static)]
    pub key: GreenKey,
    /// Loop or bridge.
    #[collect(require_static)]
    pub kind: TraceKind,
    /// Index in the executor's frame stack of the trace's root frame.
    #[collect(require_static)]
    pub root_depth: usize,
    /// Callers above the root frame, outermost first.
    #[collect(require_static)]
    frozen: Vec<FrozenFrame>,
    /// The state of the current instruction's frame when it began.
    #[collect(require_static)]
    current: Option<FrozenFrame>,
    /// The current instruction's snapshot, made when its first guard is.
    #[collect(require_static)]
    cur_snap: Option<SnapId>,
    /// A pre-existing object was written in the current instruction.
    #[collect(require_static)]
    wrote: bool,
    /// Objects allocated in the current instruction.
    #[collect(require_static)]
    fresh: FxHashSet<Ref>,
    /// Constant pool index by (tag, payload).
    #[collect(require_static)]
    const_index: FxHashMap<(u8, u64), Ref>,
    /// Why the recording must stop, once it must.
    #[collect(require_static)]
    pub abort: Option<String>,
    /// The trace reached its end (loop closed, or bridge joined a loop).
    #[collect(require_static)]
    pub closed: bool,
    /// The loop header has been passed once (loops only).
    #[collect(require_static)]
    started: bool,
    /// Longest trace allowed.
    #[collect(require_static)]
    max_len: usize,
    /// Loop headers that have compiled traces (a bridge ends at one).
    #[collect(require_static)]
    pub compiled_loops: FxHashSet<GreenKey>,
    /// Loop headers that will never be compiled (blacklisted): unrolled.
    #[collect(require_static)]
    pub untraceable_loops: FxHashSet<GreenKey>,
    /// Times each other loop's header was passed while recording.
    #[collect(require_static)]
    inner_visits: FxHashMap<GreenKey, u32>,
    /// Instructions recorded so far (`Meta::begin` calls).
    #[collect(require_static)]
    instructions: u32,
    /// Set when recording stopped because it was unrolling this inner loop,
    /// which should be compiled first (the abort is not the outer loop's fault).
    #[collect(require_static)]
    pub hot_inner: Option<GreenKey>,
    /// Set while the interpreter runs the callee of a `call_trace`.
    #[collect(require_static)]
    pub paused: Option<PausedCall>,
    /// Set when recording stopped at a recursive call of this function,
    /// which has no trace to call yet (it should be compiled first).
    #[collect(require_static)]
    pub hot_function: Option<GreenKey>,
    /// How the log names the trace, when its root frame is gone by then.
    #[collect(require_static)]
    pub label: Option<String>,
    /// For each frame in `frozen`, the function the frame above it runs,
    /// if the trace could call that function's trace instead of inlining
    /// it (see [`Recorder::frame_pushed`]).
    #[collect(require_static)]
    callees: Vec<Option<GreenKey>>,
    /// Set when recording stopped at a loop header inside an inlined call
    /// of this function: calls of it should be `call_trace`s (the function
    /// has a loop, and a trace cannot jump into a loop from an inlined frame).
    #[collect(require_static)]
    pub loop_in_callee: Option<GreenKey>,
}

/// How many iterations of an inner loop without compiled code a trace may
/// unroll before recording stops so that the inner loop is compiled first
/// (LuaJIT's "inner loop in root trace"): unrolling a long inner loop makes
/// an outer trace thousands of ops long and its compilation costly.
pub const MAX_INNER_UNROLL: u32 = 8;

impl<'gc> Recorder<'gc> {
    /// Starts recording a loop at `key`, rooted at the frame `fr` (at depth `depth`).
    /// The frame's registers become the trace's inputs and loop params.
    pub fn start_loop(
        fr: &mut Frame<'gc>,
        key: GreenKey,
        depth: usize,
        max_len: usize,
    ) -> Recorder<'gc> {
        let mut rec = Recorder::empty(key, TraceKind::Loop, depth, max_len);
        let n = fr.regs.len();
        let inputs = rec.push_inputs(n);
        rec.trace.push(Op::Label(inputs), None);
        fr.shadow = (0..n)
            .map(|i| rec.trace.push(Op::Param(i as u32), None))
            .collect();
        rec
    }

    /// Starts recording a bridge over the rebuilt `frames` (root first):
    /// all their registers become inputs, in order.
    pub fn start_bridge(
        frames: &mut [Frame<'gc>],
        key: GreenKey,
        kind: TraceKind,
        depth: usize,
        max_len: usize,
    ) -> Recorder<'gc> {
        let mut rec = Recorder::empty(key, kind, depth, max_len);
        rec.started = true;
        let mut slot = 0;
        let count = frames.len();
        for (i, fr) in frames.iter_mut().enumerate() {
            fr.shadow = (0..fr.regs.len())
                .map(|_| {
                    slot += 1;
                    rec.trace.push(Op::Input(slot - 1), None)
                })
                .collect();
            if i + 1 < count {
                let frozen = rec.freeze(fr);
                rec.frozen.push(frozen);
                // These frames exist already: no call to make instead.
                rec.callees.push(None);
            }
        }
        rec
    }

    fn empty(key: GreenKey, kind: TraceKind, depth: usize, max_len: usize) -> Recorder<'gc> {
        Recorder {
            trace: TraceIr::default(),
            key,
            kind,
            root_depth: depth,
            frozen: Vec::new(),
            current: None,
            cur_snap: None,
            wrote: false,
            fresh: FxHashSet::default(),
            const_index: FxHashMap::default(),
            abort: None,
            closed: false,
            started: false,
            max_len,
            compiled_loops: FxHashSet::default(),
            untraceable_loops: FxHashSet::default(),
            inner_visits: FxHashMap::default(),
            hot_inner: None,
            instructions: 0,
            paused: None,
            hot_function: None,
            label: None,
            callees: Vec::new(),
            loop_in_callee: None,
        }
    }

    /// Starts recording the function whose frame `fr` (at depth `depth`)
    /// was just entered: its registers become the trace's inputs. The trace
    /// first spends its fuel (a recursion that stays in machine code must
    /// still end its slice), leaving through the entry state when it is out.
    pub fn start_function(
        fr: &mut Frame<'gc>,
        key: GreenKey,
        depth: usize,
        max_len: usize,
    ) -> Recorder<'gc> {
        let mut rec = Recorder::empty(key, TraceKind::Function, depth, max_len);
        rec.started = true;
        fr.shadow = rec.push_inputs(fr.regs.len());
        rec.at_boundary(fr);
        rec.guard(Op::Fuel);
        rec.leave_boundary();
        rec
    }

    /// Inputs `0..n`.
    fn push_inputs(&mut self, n: usize) -> Vec<Ref> {
        (0..n)
            .map(|i| self.trace.push(Op::Input(i as u32), None))
            .collect()
    }

    /// Guards from here on resume `fr` as it stands: an instruction
    /// boundary, where no write of the instruction has happened yet.
    fn at_boundary(&mut self, fr: &Frame<'gc>) {
        self.current = Some(self.freeze(fr));
        self.cur_snap = None;
        self.wrote = false;
        self.fresh.clear();
    }

    /// Ends a boundary made by [`Recorder::at_boundary`] outside an
    /// instruction: a guard before the next instruction begins is an error.
    fn leave_boundary(&mut self) {
        self.current = None;
        self.cur_snap = None;
    }

    /// The ref of a constant, reusing the pool entry.
    pub fn konst_ref(&mut self, v: Value<'gc>) -> Ref {
        let key = (v.tag().byte(), v.payload_bits());
        if let Some(r) = self.const_index.get(&key) {
            return *r;
        }
        self.trace.consts.push(v);
        let r = Ref::konst(self.trace.consts.len() - 1);
        self.const_index.insert(key, r);
        r
    }

    /// Stops the recording with `reason` (the first reason wins).
    pub fn set_abort(&mut self, reason: impl Into<String>) {
        if self.abort.is_none() {
            self.abort = Some(reason.into());
        }
    }

    /// Number of frames above the root frame that the trace has entered.
    pub fn inlined_depth(&self) -> usize {
        self.frozen.len()
    }

    /// How `fr` resumes, as it stands: code, pc, result register, register refs.
    fn freeze(&mut self, fr: &Frame<'gc>) -> FrozenFrame {
        FrozenFrame {
            lang: fr.lang,
            code: self.konst_ref(fr.code),
            pc: fr.pc,
            ret_reg: fr.ret_reg,
            regs: fr.shadow.clone(),
        }
    }

    /// The executor pushed `callee` on top of `caller` (whose pc and ret_reg
    /// say how it resumes). `callable` is the callee's function when the
    /// trace could call its trace instead of inlining it.
    pub fn frame_pushed(&mut self, caller: &Frame<'gc>, callable: Option<GreenKey>) {
        let frozen = self.freeze(caller);
        self.frozen.push(frozen);
        self.callees.push(callable);
        self.current = None;
        self.cur_snap = None;
    }

    /// The top frame returned into its caller; false when that leaves the trace's root frame.
    pub fn frame_popped(&mut self) -> bool {
        self.current = None;
        self.cur_snap = None;
        self.callees.pop();
        self.frozen.pop().is_some()
    }

    /// The snapshot of the current instruction, made on first use.
    fn snapshot(&mut self) -> SnapId {
        if let Some(s) = self.cur_snap {
            return s;
        }
        let mut frames: Vec<SnapFrame> = self.frozen.iter().map(FrozenFrame::to_snap).collect();
        match &self.current {
            Some(f) => frames.push(f.to_snap()),
            None => self.set_abort("guard outside an instruction (no Meta::begin)"),
        }
        self.trace.snapshots.push(Snapshot {
            frames,
            virtuals: Vec::new(),
            pending: Vec::new(),
        });
        let id = (self.trace.snapshots.len() - 1) as SnapId;
        self.cur_snap = Some(id);
        id
    }

    /// Appends a guard with the current instruction's snapshot.
    fn guard(&mut self, op: Op) -> Ref {
        if self.wrote {
            let pc = self.current.as_ref().map_or(0, |f| f.pc);
            self.set_abort(format!(
                "guard after a heap write in the same instruction (pc {pc})"
            ));
        }
        let s = self.snapshot();
        self.trace.push(op, Some(s))
    }

    /// Appends a guard that only keeps machine code in bounds (a word
    /// store's index check): it takes the instruction's snapshot even
    /// after a write of the instruction (see [`Meta::words_get`]).
    fn bounds_guard(&mut self, op: Op) -> Ref {
        let s = self.snapshot();
        self.trace.push(op, Some(s))
    }

    fn emit(&mut self, op: Op) -> Ref {
        self.trace.push(op, None)
    }

    fn write_to(&mut self, obj: Ref) {
        if !self.fresh.contains(&obj) {
            self.wrote = true;
        }
    }

    /// Closes a loop trace: fuel check, then back to the label with the root frame's registers.
    pub fn close_loop(&mut self, root: &Frame<'gc>) {
        self.trace.fuel_cost = self.instructions.max(1);
        self.guard(Op::Fuel);
        self.trace.push(Op::Jump(root.shadow.clone()), None);
        self.closed = true;
    }

    /// Passes the header of a loop without compiled code. True (stop
    /// recording) once the trace has unrolled it [`MAX_INNER_UNROLL`] times,
    /// unless that loop can never be compiled.
    fn inner_loop(&mut self, key: GreenKey) -> bool {
        if self.untraceable_loops.contains(&key) {
            return false;
        }
        let n = self.inner_visits.entry(key).or_insert(0);
        *n += 1;
        if *n <= MAX_INNER_UNROLL {
            return false;
        }
        self.set_abort("unrolling an inner loop that is not compiled yet");
        self.hot_inner = Some(key);
        true
    }

    /// Closes a bridge at a loop header: leave through the header's snapshot.
    pub fn close_bridge(&mut self) {
        self.guard(Op::Exit);
        self.closed = true;
    }

    /// Closes a bridge or function trace at the return of its root frame:
    /// the trace hands `v` to its caller.
    pub fn close_at_return(&mut self, v: Ref) {
        self.trace.fuel_cost = self.instructions.max(1);
        self.emit(Op::Finish(v));
        self.closed = true;
    }

    /// Whether a frame running `code` is already in the trace (the call
    /// being made is recursive).
    pub fn runs_code(&self, code: Value<'gc>, caller: &Frame<'gc>) -> bool {
        caller.code.same(&code)
            || self
                .frozen
                .iter()
                .any(|f| f.code.is_const() && self.trace.consts[f.code.index()].same(&code))
    }

    /// Records a call of the compiled function trace whose entry is in the
    /// word at `cell` instead of following the call into `callee` (the frame
    /// the call instruction of `caller`, at `caller_depth`, made): a guard
    /// whose snapshot is the callee's entry, with the caller resuming after
    /// the call (the interpreter runs the callee when there is no code to
    /// call). The recording then waits while the interpreter runs the callee;
    /// [`Recorder::resume`] continues when it returns.
    pub fn call_trace(
        &mut self,
        cell: usize,
        caller: &Frame<'gc>,
        callee: &Frame<'gc>,
        caller_depth: usize,
    ) {
        let cell = self.konst_ref(Value::Int(cell as i64));
        let mut args = vec![cell];
        args.extend_from_slice(&callee.shadow);
        let frozen = self.freeze(caller);
        self.frozen.push(frozen);
        // The call instruction is complete: the callee's entry is a new
        // instruction boundary, where the writes it made are done.
        self.at_boundary(callee);
        let result = self.guard(Op::Call(&crate::jit::helpers::CALL_TRACE, args));
        self.frozen.pop();
        self.leave_boundary();
        self.paused = Some(PausedCall {
            caller_depth,
            result,
        });
    }

    /// The callee of the paused `call_trace` returned into `caller` (the
    /// executor stored the value `v` in its result register): that register
    /// is the call's result, which is guarded to have `v`'s tag. That guard's exit resumes after the call; it is also the
    /// way out when the callee's code left machine code (the executor then
    /// rebuilds the callee's frames above the caller's).
    pub fn resume(&mut self, caller: &mut Frame<'gc>) {
        let Some(p) = self.paused.take() else { return };
        let r = caller.ret_reg as usize;
        let v = caller.regs[r];
        caller.shadow[r] = p.result;
        self.at_boundary(caller);
        self.guard(Op::GuardTag(p.result, v.tag()));
        self.leave_boundary();
    }
}

/// The recording instance of [`Meta`].
pub struct Recording<'gc, 'a> {
    mc: &'gc Mutation<'gc>,
    /// The recorder being appended to.
    pub rec: &'a mut Recorder<'gc>,
}

impl<'gc, 'a> Recording<'gc, 'a> {
    /// A recording instance appending to `rec`.
    pub fn new(mc: &'gc Mutation<'gc>, rec: &'a mut Recorder<'gc>) -> Self {
        Recording { mc, rec }
    }

    fn rv(&mut self, v: Value<'gc>, op: Op) -> RV<'gc> {
        let r = self.rec.emit(op);
        RV { v, r }
    }
}

impl<'gc, 'a> Meta<'gc> for Recording<'gc, 'a> {
    type V = RV<'gc>;

    fn mc(&self) -> &'gc Mutation<'gc> {
        self.mc
    }
    fn get(&self, v: RV<'gc>) -> Value<'gc> {
        v.v
    }
    fn konst(&mut self, v: Value<'gc>) -> RV<'gc> {
        RV {
            v,
            r: self.rec.konst_ref(v),
        }
    }
    fn begin(&mut self, fr: &mut Frame<'gc>, pc: u32) -> bool {
        fr.pc = pc;
        let rec = &mut *self.rec;
        if rec.trace.ops.len() > rec.max_len {
            rec.set_abort("trace too long");
        }
        if rec.abort.is_some() || rec.closed {
            return false;
        }
        rec.at_boundary(fr);
        rec.instructions = rec.instructions.saturating_add(1);
        true
    }
    fn reg(&mut self, fr: &Frame<'gc>, i: usize) -> RV<'gc> {
        RV {
            v: fr.regs[i],
            r: fr.shadow[i],
        }
    }
    fn set_reg(&mut self, fr: &mut Frame<'gc>, i: usize, v: RV<'gc>) {
        fr.regs[i] = v.v;
        fr.shadow[i] = v.r;
    }
    fn new_frame(&mut self, lang: LangId, code: Value<'gc>, regs: &[RV<'gc>]) -> Frame<'gc> {
        let mut fr = Frame::new(lang, code, regs.iter().map(|r| r.v).collect());
        fr.shadow = regs.iter().map(|r| r.r).collect();
        fr
    }
    fn tag(&mut self, v: RV<'gc>) -> Tag {
        let t = v.v.tag();
        if !v.r.is_const() {
            self.rec.guard(Op::GuardTag(v.r, t));
        }
        t
    }
    fn const_value(&self, v: RV<'gc>) -> Option<Value<'gc>> {
        v.r.is_const().then_some(v.v)
    }
    fn promote(&mut self, v: RV<'gc>) -> Value<'gc> {
        if !v.r.is_const() {
            let c = self.rec.konst_ref(v.v);
            self.rec.guard(Op::GuardValue(v.r, c));
        }
        v.v
    }
    fn truth(&mut self, v: RV<'gc>) -> bool {
        let b = matches!(v.v, Value::Bool(true));
        if !v.r.is_const() {
            self.rec.guard(if b {
                Op::GuardTrue(v.r)
            } else {
                Op::GuardFalse(v.r)
            });
        }
        b
    }
    fn same(&mut self, a: RV<'gc>, b: RV<'gc>) -> bool {
        let s = a.v.same(&b.v);
        let r = self.rv(Value::Bool(s), Op::Same(a.r, b.r));
        self.truth(r)
    }
    fn int_ovf(&mut self, op: OvfOp, a: RV<'gc>, b: RV<'gc>) -> Option<RV<'gc>> {
        match op.eval(int_of(a.v), int_of(b.v)) {
            Some(x) => {
                let r = self.rec.guard(Op::IntOvf(op, a.r, b.r));
                Some(RV {
                    v: Value::Int(x),
                    r,
                })
            }
            None => {
                // The trace would need a guard that overflow happens; such
                // paths are rare, so they stay in the interpreter.
                self.rec.set_abort("integer overflow while recording");
                None
            }
        }
    }
    fn int(&mut self, op: IntOp, a: RV<'gc>, b: RV<'gc>) -> RV<'gc> {
        self.rv(
            Value::Int(op.eval(int_of(a.v), int_of(b.v))),
            Op::Int(op, a.r, b.r),
        )
    }
    fn int_cmp(&mut self, c: Cmp, a: RV<'gc>, b: RV<'gc>) -> RV<'gc> {
        self.rv(
            Value::Bool(c.eval(int_of(a.v), int_of(b.v))),
            Op::IntCmp(c, a.r, b.r),
        )
    }
    fn float(&mut self, op: FloatOp, a: RV<'gc>, b: RV<'gc>) -> RV<'gc> {
        self.rv(
            Value::Float(op.eval(float_of(a.v), float_of(b.v))),
            Op::Float(op, a.r, b.r),
        )
    }
    fn float_cmp(&mut self, c: Cmp, a: RV<'gc>, b: RV<'gc>) -> RV<'gc> {
        self.rv(
            Value::Bool(c.eval(float_of(a.v), float_of(b.v))),
            Op::FloatCmp(c, a.r, b.r),
        )
    }
    fn int_to_float(&mut self, a: RV<'gc>) -> RV<'gc> {
        self.rv(Value::Float(int_of(a.v) as f64), Op::IntToFloat(a.r))
    }
    fn not(&mut self, a: RV<'gc>) -> RV<'gc> {
        self.rv(
            Value::Bool(!matches!(a.v, Value::Bool(true))),
            Op::BoolNot(a.r),
        )
    }
    fn new_list(&mut self) -> RV<'gc> {
        let v = heap::new_list(self.mc);
        let out = self.rv(v, Op::NewList);
        self.rec.fresh.insert(out.r);
        out
    }
    fn new_dict(&mut self) -> RV<'gc> {
        let v = heap::new_dict(self.mc);
        let out = self.rv(v, Op::NewDict);
        self.rec.fresh.insert(out.r);
        out
    }
    fn new_record(&mut self, class: RV<'gc>, fields: &[RV<'gc>]) -> RV<'gc> {
        let v = heap::new_record(self.mc, class.v, fields.iter().map(|f| f.v).collect());
        let out = self.rv(
            v,
            Op::NewRecord(class.r, fields.iter().map(|f| f.r).collect()),
        );
        self.rec.fresh.insert(out.r);
        out
    }
    fn list_len(&mut self, l: RV<'gc>) -> RV<'gc> {
        self.rv(Value::Int(heap::list_len(l.v)), Op::ListLen(l.r))
    }
    fn list_get(&mut self, l: RV<'gc>, i: RV<'gc>) -> RV<'gc> {
        self.rv(heap::list_get(l.v, int_of(i.v)), Op::ListGet(l.r, i.r))
    }
    fn list_set(&mut self, l: RV<'gc>, i: RV<'gc>, v: RV<'gc>) {
        heap::list_set(self.mc, l.v, int_of(i.v), v.v);
        self.rec.write_to(l.r);
        self.rec.emit(Op::ListSet(l.r, i.r, v.r));
    }
    fn list_append(&mut self, l: RV<'gc>, v: RV<'gc>) {
        heap::list_append(self.mc, l.v, v.v);
        self.rec.write_to(l.r);
        self.rec.emit(Op::ListAppend(l.r, v.r));
    }
    fn list_pop(&mut self, l: RV<'gc>) -> RV<'gc> {
        let v = heap::list_pop(self.mc, l.v);
        self.rec.write_to(l.r);
        self.rv(v, Op::ListPop(l.r))
    }
    fn list_truncate(&mut self, l: RV<'gc>, n: RV<'gc>) {
        heap::list_truncate(self.mc, l.v, int_of(n.v));
        self.rec.write_to(l.r);
        self.rec.emit(Op::ListTruncate(l.r, n.r));
    }
    fn dict_get(&mut self, d: RV<'gc>, k: RV<'gc>) -> RV<'gc> {
        self.rv(heap::dict_get(d.v, k.v), Op::DictGet(d.r, k.r))
    }
    fn dict_set(&mut self, d: RV<'gc>, k: RV<'gc>, v: RV<'gc>) {
        heap::dict_set(self.mc, d.v, k.v, v.v);
        self.rec.write_to(d.r);
        self.rec.emit(Op::DictSet(d.r, k.r, v.r));
    }
    fn get_field(&mut self, r: RV<'gc>, i: u32) -> RV<'gc> {
        self.rv(heap::get_field(r.v, i), Op::GetField(r.r, i))
    }
    fn set_field(&mut self, r: RV<'gc>, i: u32, v: RV<'gc>) {
        heap::set_field(self.mc, r.v, i, v.v);
        self.rec.write_to(r.r);
        self.rec.emit(Op::SetField(r.r, i, v.r));
    }
    fn call(&mut self, h: &'static Helper, args: &[RV<'gc>]) -> Result<RV<'gc>, Value<'gc>> {
        let vals: Vec<Value<'gc>> = args.iter().map(|a| a.v).collect();
        let refs: Vec<Ref> = args.iter().map(|a| a.r).collect();
        if h.effects.calls_guest {
            self.rec
                .set_abort(format!("helper {} may run guest code", h.name));
        }
        let result = (h.func)(self.mc, &vals);
        match result {
            Ok(v) => {
                let r = if h.effects.may_raise {
                    self.rec.guard(Op::Call(h, refs))
                } else {
                    self.rec.emit(Op::Call(h, refs))
                };
                if h.effects.writes_heap || h.effects.io {
                    self.rec.wrote = true;
                }
                Ok(RV { v, r })
            }
            Err(e) => {
                self.rec.set_abort(format!("helper {} raised", h.name));
                Err(e)
            }
        }
    }
    fn words_len(&mut self, w: RV<'gc>) -> RV<'gc> {
        let n = words_of(w.v).len() as i64;
        self.rv(Value::Int(n), Op::WordsLen(w.r))
    }
    fn words_get(&mut self, w: RV<'gc>, i: RV<'gc>) -> Option<RV<'gc>> {
        match words_of(w.v).get(int_of(i.v)) {
            Some(x) => {
                let r = self.rec.bounds_guard(Op::WordsGet(w.r, i.r));
                Some(RV {
                    v: Value::Int(x as i64),
                    r,
                })
            }
            None => {
                // An interpreter error path: it stays in the interpreter.
                self.rec
                    .set_abort("word-store index out of range while recording");
                None
            }
        }
    }
    fn words_set(&mut self, w: RV<'gc>, i: RV<'gc>, v: RV<'gc>) -> bool {
        if !words_of(w.v).set(int_of(i.v), int_of(v.v) as u64) {
            self.rec
                .set_abort("word-store index out of range while recording");
            return false;
        }
        self.rec.bounds_guard(Op::WordsSet(w.r, i.r, v.r));
        self.rec.write_to(w.r);
        true
    }
    fn words_push(&mut self, w: RV<'gc>, v: RV<'gc>) {
        match w.v {
            Value::Words(g) => crate::words::push(self.mc, g, int_of(v.v) as u64),
            other => panic!("word-store operation on {:?}", other.tag()),
        }
        self.rec.write_to(w.r);
        self.rec.emit(Op::WordsPush(w.r, v.r));
    }
    fn words_truncate(&mut self, w: RV<'gc>, n: RV<'gc>) {
        words_of(w.v).truncate(int_of(n.v));
        self.rec.write_to(w.r);
        self.rec.emit(Op::WordsTruncate(w.r, n.r));
    }
    fn merge_point(&mut self, fr: &Frame<'gc>, pc: u32) -> bool {
        let key = GreenKey::of(fr, pc);
        let rec = &mut *self.rec;
        // Only the root frame's own header closes the loop (a jump needs the
        // root frame on top); any other header, in any inlined frame, is an
        // inner loop.
        let at_root = rec.frozen.is_empty();
        if rec.started {
            if let Some(Some(f)) = rec.callees.last() {
                // A loop in an inlined call: the trace could only leave at
                // its header. Calls of that function become calls of its
                // trace instead, which can run into the loop's trace.
                let f = *f;
                rec.loop_in_callee = Some(f);
                rec.hot_function = Some(f);
                rec.set_abort("a loop in an inlined call: the function is called instead");
                return true;
            }
        }
        match rec.kind {
            TraceKind::Loop if key == rec.key && at_root => {
                if !rec.started {
                    rec.started = true;
                    return false;
                }
                rec.close_loop(fr);
                true
            }
            TraceKind::Loop => {
                if !rec.started {
                    return false;
                }
                if key != rec.key && rec.compiled_loops.contains(&key) {
                    // Another loop with compiled code: end here and let the
                    // executor enter that loop's trace (rather than unrolling it).
                    rec.close_bridge();
                    return true;
                }
                rec.inner_loop(key)
            }
            TraceKind::Function => {
                if rec.compiled_loops.contains(&key) {
                    rec.close_bridge();
                    true
                } else {
                    rec.inner_loop(key)
                }
            }
            TraceKind::Bridge { .. } => {
                // A bridge that starts at a loop header records one iteration first.
                let empty = rec.trace.work_len() == 0;
                if !empty && (rec.compiled_loops.contains(&key) || key == rec.key) {
                    rec.close_bridge();
                    true
                } else if !empty {
                    rec.inner_loop(key)
                } else {
                    false
                }
            }
        }
    }
}

impl<'gc> RV<'gc> {
    /// A handle for a constant that is not in any trace (for frames built outside recording).
    pub fn value(self) -> Value<'gc> {
        self.v
    }
}
