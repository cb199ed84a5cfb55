//! The interpreter loop, written once against [`Meta`]: the plain
//! interpreter and the JIT's recorder both run it.
//!
//! The contract with the core (see `vm_core::meta`): every instruction starts
//! with `m.begin`; loop headers (`Op::Loop`) are merge points; within an
//! instruction every decision on a value precedes the first write to an
//! existing object; all frame state is in registers. Calls of Python code
//! return `Action::Call` (the executor pushes the frame), so Python
//! recursion never grows the Rust stack.
//!
//! Operations whose fast paths matter for the JIT (int and float arithmetic
//! and comparisons, list indexing, instance attributes, globals, calls,
//! `for` over ranges and lists) are spelled out with `Meta` operations here;
//! everything else is a helper call (`crate::helpers`). When a helper needs
//! Python code (a user dunder) it answers `Absent` and the interpreter calls
//! the prelude's Python fallback instead.

use gc_arena::Gc;
use vm_core::exec::{Action, Frame, Inline};
use vm_core::heap::{self, Code};
use vm_core::jit::helpers::Helper;
use vm_core::jit::ir::{Cmp, FloatOp, IntOp, OvfOp};
use vm_core::{Meta, Mutation, Plain, Tag, Value};

use crate::ast::{BinOp, CmpOp, UnOp};
use crate::bytecode::*;
use crate::helpers::*;
use crate::objects::*;
use crate::PyLang;

pub struct Cx<'l, 'gc> {
    pub lang: &'l PyLang,
    pub code: &'gc Code<'gc>,
    pub data: &'gc CodeData,
    pub rt: Value<'gc>,
    /// The runtime record's flags and epochs, for the plain interpreter's
    /// shortcuts (`fastpath`).
    pub snap: RtSnap<'gc>,
    /// The code's inline caches ([`K_IC`]), found once per code switch for
    /// the shortcuts.
    pub ic: IcList<'gc>,
}

impl<'l, 'gc> Cx<'l, 'gc> {
    /// The context for running `code` (whose data is `data`).
    fn for_code(lang: &'l PyLang, code: &'gc Code<'gc>, data: &'gc CodeData) -> Self {
        let rt = code.consts[K_RT as usize];
        Cx {
            lang,
            code,
            data,
            rt,
            snap: RtSnap::read(rt),
            ic: ic_of(code),
        }
    }
}

/// The inline cache list of `code` ([`K_IC`]).
#[inline(always)]
fn ic_of<'gc>(code: &Code<'gc>) -> IcList<'gc> {
    match code.consts.get(K_IC as usize) {
        Some(Value::List(l)) => Some(*l),
        _ => None,
    }
}

/// The fields of the runtime record the plain interpreter's shortcuts read
/// on almost every instruction, copied when a step starts and again after
/// every instruction the generic code runs: the shortcuts themselves never
/// change them (no shortcut stores into a class, a module or the runtime),
/// so between two generic instructions the copy is exact, and reading it
/// costs no borrow of the record.
#[derive(Copy, Clone)]
pub struct RtSnap<'gc> {
    /// [`RT_PROPS`] is true: some `property` exists.
    pub props: bool,
    /// [`RT_EPOCH`].
    pub epoch: Value<'gc>,
    /// [`RT_GEPOCH`].
    pub gepoch: Value<'gc>,
    /// [`RT_RECLIMIT`].
    pub reclimit: Value<'gc>,
}

impl<'gc> RtSnap<'gc> {
    #[inline(always)]
    fn read(rt: Value<'gc>) -> RtSnap<'gc> {
        let Value::Record(r) = rt else {
            unreachable!("the runtime is a record")
        };
        RtSnap {
            props: matches!(r.get(RT_PROPS as usize), Value::Bool(true)),
            epoch: r.get(RT_EPOCH as usize),
            gepoch: r.get(RT_GEPOCH as usize),
            reclimit: r.get(RT_RECLIMIT as usize),
        }
    }
}

pub enum Flow<'gc, V> {
    Next,
    Jump(u32),
    Act(Action<'gc, V>),
}

pub fn code_data<'gc>(code: Value<'gc>) -> Option<&'gc CodeData> {
    heap::as_code(code)
        .and_then(|c| c.data::<std::rc::Rc<CodeData>>())
        .map(|rc| &**rc)
}

/// The mutation context, detached from the borrow of `m` (`Meta::mc` lives for `'gc`).
fn mc_of<'gc, M: Meta<'gc>>(m: &M) -> &'gc Mutation<'gc> {
    m.mc()
}

impl<'l, 'gc> Cx<'l, 'gc> {
    fn rtx<'a>(&self, mc: &'a Mutation<'gc>) -> Rt<'a, 'gc> {
        Rt::new(mc, self.rt)
    }
    pub(crate) fn k(&self, i: K) -> Value<'gc> {
        self.code.consts[i as usize]
    }
    fn name(&self, i: K) -> &'gc str {
        self.code.consts[i as usize].as_str().unwrap_or("?")
    }
}

/// Runs `fr` until it calls, returns, raises, yields or reaches a hot loop.
pub fn step<'gc, M: crate::fastpath::Shortcuts<'gc>>(
    lang: &PyLang,
    m: &mut M,
    fr: &mut Frame<'gc>,
) -> Action<'gc, M::V> {
    let (code, data) = frame_code(fr);
    let mut cx = Cx::for_code(lang, code, data);
    loop {
        let pc = fr.pc;
        if !m.begin(fr, pc) {
            return Action::Yield;
        }
        if is_plain::<M>() {
            let op = &data.ops[pc as usize];
            if let Some(next) = crate::fastpath::exec_plain(&cx, mc_of(m), fr, pc, op) {
                fr.pc = next;
                continue;
            }
            match *op {
                // A function's return (not a generator's: `exec` finishes those).
                Op::Return(s) if !matches!(fr.regs[REG_GEN as usize], Value::Record(_)) => {
                    return Action::Return(m.konst(fr.regs[s as usize]));
                }
                Op::Loop => {
                    if m.merge_point(fr, pc) {
                        return Action::Jit;
                    }
                    fr.pc = pc + 1;
                    continue;
                }
                Op::Call(..) | Op::CallMethod(..) => match m.call_shortcut(&cx, fr, pc, op) {
                    Some(Flow::Act(call)) => return call,
                    Some(Flow::Jump(next)) => {
                        fr.pc = next;
                        continue;
                    }
                    _ => {}
                },
                _ => {}
            }
        } else {
            forget_dead_temps(m, fr, data, pc);
        }
        let flow = exec(&cx, m, fr, pc);
        if is_plain::<M>() {
            cx.snap = RtSnap::read(cx.rt);
        }
        match flow {
            Flow::Next => fr.pc = pc + 1,
            Flow::Jump(t) => fr.pc = t,
            Flow::Act(a) => return a,
        }
    }
}

/// The plain interpreter's loop over frames (`Language::run_plain`): runs
/// the top frame as [`step`] does, and where the executor would only push
/// the frame of a Python call or hand a returned value to a Python caller
/// (as `inline` allows), does that itself and goes on in the new top
/// frame, so a call and its return cost no round trip through the
/// executor nor a fresh [`Cx`] per step. Everything else goes back to the
/// executor.
pub fn run_plain<'gc>(
    lang: &PyLang,
    m: &mut Plain<'gc, '_>,
    frames: &mut Vec<Frame<'gc>>,
    inline: Inline,
) -> Action<'gc, Value<'gc>> {
    let id = lang.id.get();
    let (code, data) = frame_code(frames.last().expect("a frame to run"));
    // One context for every frame: each code object of a runtime shares
    // its record, and only the generic code (after which `snap` is read
    // again) changes it; a frame switch replaces the code and its data.
    let mut cx = Cx::for_code(lang, code, data);
    // The context of each caller whose callee this loop pushed (the
    // frames above the ones it started with): a return switches back to
    // it without looking the code's data up again (a `dyn Any` downcast).
    let mut callers: Vec<(&'gc Code<'gc>, &'gc CodeData, IcList<'gc>)> = Vec::new();
    // Fuel is counted here, in a local (see `Plain::fuel`), and handed
    // back when the loop ends.
    let mut fuel = m.fuel();
    let mc = mc_of(m);
    let action = 'frames: loop {
        let depth = frames.len();
        let fr = frames.last_mut().expect("a frame to run");
        // The instructions as a local slice: read through `cx.data` they
        // were loaded again (pointer and length) on every instruction.
        let ops: &'gc [Op] = &cx.data.ops;
        let action = loop {
            // `Meta::begin`, on the local count (`fr.pc` is already `pc`).
            fuel -= 1;
            if fuel & 63 == 0 && m.debt_due() {
                fuel = -1;
            }
            if fuel < 0 {
                break 'frames Action::Yield;
            }
            let pc = fr.pc;
            let op = &ops[pc as usize];
            if let Some(next) = crate::fastpath::exec_plain(&cx, mc, fr, pc, op) {
                fr.pc = next;
                continue;
            }
            match *op {
                // A function's return (not a generator's: `exec` finishes those).
                Op::Return(s) if !matches!(fr.regs[REG_GEN as usize], Value::Record(_)) => {
                    break Action::Return(fr.regs[s as usize]);
                }
                Op::Loop => {
                    if m.merge_point(fr, pc) {
                        break 'frames Action::Jit;
                    }
                    fr.pc = pc + 1;
                    continue;
                }
                Op::Call(..) | Op::CallMethod(..) => {
                    let mut callee_data = None;
                    match crate::fastpath::call_plain(&cx, m, fr, pc, op, &mut callee_data) {
                        // A Python function's frame, its registers laid
                        // out: pushed here (what `enter` would make of
                        // them), the context switched to its code.
                        Some(Flow::Act(Action::Call { callee, args }))
                            if inline.call(id, callee, depth) =>
                        {
                            let code = heap::record_class(callee);
                            if let (Some(cdata), Some(c)) = (callee_data, heap::as_code(code)) {
                                frames.push(Frame::new(id, code, args));
                                callers.push((cx.code, cx.data, cx.ic));
                                (cx.code, cx.data, cx.ic) = (c, cdata, ic_of(c));
                                continue 'frames;
                            }
                            unreachable!("call_plain calls a function with code");
                        }
                        Some(Flow::Act(call)) => break call,
                        Some(Flow::Jump(next)) => {
                            fr.pc = next;
                            continue;
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            let flow = exec(&cx, m, fr, pc);
            cx.snap = RtSnap::read(cx.rt);
            match flow {
                Flow::Next => fr.pc = pc + 1,
                Flow::Jump(t) => fr.pc = t,
                Flow::Act(a) => break a,
            }
        };
        match action {
            Action::Call { callee, args } if inline.call(id, callee, depth) => {
                let Ok(callee_frame) = enter(lang, m, callee, args) else {
                    unreachable!("a Python frame is always built")
                };
                frames.push(callee_frame);
                callers.push((cx.code, cx.data, cx.ic));
                (cx.code, cx.data) = frame_code(frames.last().expect("a frame to run"));
                cx.ic = ic_of(cx.code);
            }
            Action::Return(v) if inline.returns && depth > 1 && frames[depth - 2].lang == id => {
                if let Some(done) = frames.pop() {
                    m.recycle_regs(done.regs);
                }
                if let Some(caller) = frames.last_mut() {
                    let r = caller.ret_reg as usize;
                    caller.regs[r] = v;
                }
                // The caller's context: saved when this loop pushed the
                // frame that returned, else looked up.
                (cx.code, cx.data, cx.ic) = match callers.pop() {
                    Some(c) => c,
                    None => {
                        let (code, data) = frame_code(frames.last().expect("a frame to run"));
                        (code, data, ic_of(code))
                    }
                };
            }
            a => break 'frames a,
        }
        debug_assert!(cx.code.consts[K_RT as usize].same(&cx.rt));
    };
    m.set_fuel(fuel);
    action
}

/// A code object's inline cache list, as [`Cx::ic`] holds it.
type IcList<'gc> = Option<Gc<'gc, heap::List<'gc>>>;

/// The code object of a Python frame and its data.
#[inline(always)]
fn frame_code<'gc>(fr: &Frame<'gc>) -> (&'gc Code<'gc>, &'gc CodeData) {
    let code = heap::as_code(fr.code).expect("a Python code object");
    let data = code
        .data::<std::rc::Rc<CodeData>>()
        .expect("Python code data");
    (code, data)
}

/// While recording: at a statement's start, the temporaries (dead there,
/// see `CodeData::dead_from`) become None, so that what the previous
/// statement left in them is neither kept in snapshots nor carried around
/// a loop (a dead object there would make the trace allocate it).
fn forget_dead_temps<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, data: &CodeData, pc: u32) {
    let from = data.dead_from.get(pc as usize).copied().unwrap_or(0) as usize;
    if from < SPECIALS as usize {
        return;
    }
    let none = m.konst(Value::None);
    for i in from..fr.regs.len() {
        m.set_reg(fr, i, none);
    }
}

fn raise<'gc, V>(cx: &Cx<'_, 'gc>, e: Value<'gc>) -> Flow<'gc, V> {
    cx.lang.fresh.set(true);

    Flow::Act(Action::Raise(e))
}

/// A NameError carrying the name (for CPython's "Did you mean" suggestion).
fn name_error<'gc, M: Meta<'gc>>(cx: &Cx<'_, 'gc>, m: &mut M, name: &str) -> Flow<'gc, M::V> {
    let rt = cx.rtx(mc_of(m));
    let e = rt.exc(Ty::NameError, &format!("name '{}' is not defined", name));
    heap::dict_set(rt.mc, field(e, I_DICT), rt.s("name"), rt.s(name));
    raise(cx, e)
}

fn raise_new<'gc, M: Meta<'gc>>(cx: &Cx<'_, 'gc>, m: &mut M, t: Ty, msg: &str) -> Flow<'gc, M::V> {
    let e = cx.rtx(mc_of(m)).exc(t, msg);
    raise(cx, e)
}

fn hcall<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    h: &'static Helper,
    args: &[M::V],
) -> Result<M::V, Value<'gc>> {
    let rt = m.konst(cx.rt);
    if args.len() < 8 {
        // Most helper calls are small: keep the argument vector on the stack.
        let mut buf = [rt; 8];
        buf[1..=args.len()].copy_from_slice(args);
        return m.call(h, &buf[..=args.len()]);
    }
    let mut v = Vec::with_capacity(args.len() + 1);
    v.push(rt);
    v.extend_from_slice(args);
    m.call(h, &v)
}

/// Calls a prelude fallback `name(args...)`, result into `dst`.
fn fallback<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    name: &str,
    args: Vec<M::V>,
    dst: R,
    pc: u32,
    resume: u32,
) -> Flow<'gc, M::V> {
    let f = cx.rtx(mc_of(m)).prelude(name);
    if matches!(f, Value::Absent) {
        return raise_new(
            cx,
            m,
            Ty::NotImplementedError,
            &format!("{name} is not available"),
        );
    }
    let fv = m.konst(f);
    call_value(cx, m, fr, fv, args, Vec::new(), Vec::new(), dst, pc, resume)
}

/// Re-entry: when this instruction was restarted after a call whose result is in REG_SCRATCH.
fn reentry<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, pc: u32) -> Option<M::V> {
    let r = m.reg(fr, REG_RESUME as usize);
    if m.tag(r) != Tag::Int {
        return None;
    }
    let p = m.promote(r);
    if p.same(&Value::Int(pc as i64)) {
        let none = m.konst(Value::None);
        m.set_reg(fr, REG_RESUME as usize, none);
        Some(m.reg(fr, REG_SCRATCH as usize))
    } else {
        None
    }
}

/// Calls a prelude fallback and restarts this instruction with its result.
fn fallback_reenter<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    name: &str,
    args: Vec<M::V>,
    pc: u32,
) -> Flow<'gc, M::V> {
    let p = m.konst(Value::Int(pc as i64));
    m.set_reg(fr, REG_RESUME as usize, p);
    fallback(cx, m, fr, name, args, REG_SCRATCH, pc, pc)
}

fn r<'gc, M: Meta<'gc>>(m: &mut M, fr: &Frame<'gc>, i: R) -> M::V {
    m.reg(fr, i as usize)
}
fn w<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, i: R, v: M::V) {
    m.set_reg(fr, i as usize, v)
}
fn int<'gc, M: Meta<'gc>>(m: &mut M, i: i64) -> M::V {
    m.konst(Value::Int(i))
}

/// Whether `M` is the plain interpreter (its handles are bare values; the
/// recorder's carry an IR reference too). A constant per instance of `M`,
/// for the few reads the plain interpreter takes a shorter way to.
#[inline(always)]
fn is_plain<'gc, M: Meta<'gc>>() -> bool {
    std::mem::size_of::<M::V>() == std::mem::size_of::<Value<'gc>>()
}

/// The type of a record, promoted; None for functions and generators.
#[inline(always)]
fn record_type<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> Result<Value<'gc>, i64> {
    if is_plain::<M>() {
        // The class of a typed record is its type (`objects::type_field`),
        // one load nearer than field 0. Not while recording: the optimiser
        // folds field reads of records allocated in the trace, not
        // `record_class`, so a slice or bound method would be allocated.
        return match heap::record_class(m.get(v)) {
            t @ Value::Record(_) => Ok(t),
            _ => match field(m.get(v), F_TYPE) {
                t @ Value::Record(_) => Ok(t),
                k => Err(int_of(k)),
            },
        };
    }
    record_type_traced(m, v)
}

/// [`record_type`] while recording.
#[inline(never)]
fn record_type_traced<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> Result<Value<'gc>, i64> {
    // A record's type field never changes after it is made, so a trace
    // constant's type needs neither a load nor a guard.
    if let Some(c) = m.const_value(v) {
        return match field(c, F_TYPE) {
            t @ Value::Record(_) => Ok(t),
            k => Err(int_of(k)),
        };
    }
    // The record's class is its type for every typed record: one guard on
    // the exact value (it implies the tag). `record_class` is pure, so the
    // optimiser merges repeats (also across calls and writes, where a field
    // would be read and guarded again) and knows it for records allocated
    // in the trace.
    let c = m.record_class(v);
    if let t @ Value::Record(_) = m.promote(c) {
        return Ok(t);
    }
    // Functions and generators (their class is their code): the kind.
    let f0 = m.get_field(v, F_TYPE);
    match m.promote(f0) {
        t @ Value::Record(_) => Ok(t),
        k => Err(int_of(k)),
    }
}

/// Stores a module global (see [`crate::objects::store_global`]).
fn store_global<'gc, M: Meta<'gc>>(cx: &Cx<'_, 'gc>, m: &mut M, g: M::V, key: M::V, v: M::V) {
    hcall(cx, m, &H_STORE_GLOBAL, &[g, key, v]).expect("storing a global cannot raise");
}

fn exec<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
) -> Flow<'gc, M::V> {
    let op = &cx.data.ops[pc as usize];
    match *op {
        Op::Nop => Flow::Next,
        Op::Loop => {
            if m.merge_point(fr, pc) {
                return Flow::Act(Action::Jit);
            }
            Flow::Next
        }
        Op::Const(d, k) => {
            let v = m.konst(cx.k(k));
            w(m, fr, d, v);
            Flow::Next
        }
        Op::Move(d, s) => {
            let v = r(m, fr, s);
            w(m, fr, d, v);
            Flow::Next
        }
        Op::LoadGlobal(d, k) => {
            // While the globals epoch holds, a global's value is green: the
            // trace guards the epoch (one load and compare, shared by every
            // global read in the trace) and uses the value as a constant.
            let key = cx.k(k);
            let (found, green) = global_ic(cx, mc_of(m), pc, key).unwrap_or((Value::Absent, false));
            if green {
                let rtv = m.konst(cx.rt);
                let epoch = m.get_field(rtv, RT_GEPOCH);
                if let Value::Int(_) = m.promote(epoch) {
                    let v = m.konst(found);
                    w(m, fr, d, v);
                    return Flow::Next;
                }
            }
            let g = m.konst(cx.k(K_GLOBALS));
            let key = m.konst(cx.k(k));
            let v = m.dict_get(g, key);
            if m.tag(v) != Tag::Absent {
                if is_green_global(m.get(v)) {
                    // Rebound from data to a function or class: look again
                    // next time, so traces can use it as a constant.
                    if let ic @ Value::List(_) = cx.k(K_IC) {
                        heap::list_set(mc_of(m), ic, IC_WIDTH * pc as i64, Value::None);
                    }
                }
                w(m, fr, d, v);
                return Flow::Next;
            }
            let b = m.konst(cx.rtx(mc_of(m)).builtins());
            let v = m.dict_get(b, key);
            if m.tag(v) != Tag::Absent {
                w(m, fr, d, v);
                return Flow::Next;
            }
            name_error(cx, m, cx.name(k))
        }
        Op::StoreGlobal(k, s) => {
            let g = m.konst(cx.k(K_GLOBALS));
            let key = m.konst(cx.k(k));
            let v = r(m, fr, s);
            store_global(cx, m, g, key, v);
            Flow::Next
        }
        Op::DelGlobal(k) => {
            let rt = cx.rtx(mc_of(m));
            let g = cx.k(K_GLOBALS);
            if !heap::dict_del(rt.mc, g, cx.k(k)) {
                return name_error(cx, m, cx.name(k));
            }
            globals_changed(&rt);
            Flow::Next
        }
        Op::LoadName(d, k) => {
            let key = m.konst(cx.k(k));
            let ns = r(m, fr, REG_NS);
            if m.tag(ns) == Tag::Dict {
                let v = m.dict_get(ns, key);
                if m.tag(v) != Tag::Absent {
                    w(m, fr, d, v);
                    return Flow::Next;
                }
            }
            let g = m.konst(cx.k(K_GLOBALS));
            let v = m.dict_get(g, key);
            if m.tag(v) != Tag::Absent {
                w(m, fr, d, v);
                return Flow::Next;
            }
            let b = m.konst(cx.rtx(mc_of(m)).builtins());
            let v = m.dict_get(b, key);
            if m.tag(v) != Tag::Absent {
                w(m, fr, d, v);
                return Flow::Next;
            }
            name_error(cx, m, cx.name(k))
        }
        Op::StoreName(k, s) => {
            let key = m.konst(cx.k(k));
            let v = r(m, fr, s);
            let ns = r(m, fr, REG_NS);
            if m.tag(ns) == Tag::Dict {
                m.dict_set(ns, key, v);
            } else {
                let g = m.konst(cx.k(K_GLOBALS));
                store_global(cx, m, g, key, v);
            }
            Flow::Next
        }
        Op::DelName(k) => {
            let nsv = r(m, fr, REG_NS);
            let ns = m.get(nsv);
            let target = if matches!(ns, Value::Dict(_)) {
                ns
            } else {
                cx.k(K_GLOBALS)
            };
            if !heap::dict_del(m.mc(), target, cx.k(k)) {
                return name_error(cx, m, cx.name(k));
            }
            globals_changed(&cx.rtx(mc_of(m)));
            Flow::Next
        }
        Op::CheckLocal(reg, k) | Op::DelLocal(reg, k) => {
            let v = r(m, fr, reg);
            if m.tag(v) == Tag::Absent {
                return raise_new(
                    cx,
                    m,
                    Ty::UnboundLocalError,
                    &format!(
                        "cannot access local variable '{}' where it is not associated with a value",
                        cx.name(k)
                    ),
                );
            }
            if matches!(op, Op::DelLocal(..)) {
                let a = m.konst(Value::Absent);
                w(m, fr, reg, a);
            }
            Flow::Next
        }
        Op::NewCell(d, init) => {
            let v = r(m, fr, init);
            let t = m.konst(cx.rtx(mc_of(m)).ty(Ty::Cell));
            let c = m.new_record(t, &[t, v]);
            w(m, fr, d, c);
            Flow::Next
        }
        Op::LoadCell(d, cell, k) => {
            let c = r(m, fr, cell);
            let v = m.get_field(c, 1);
            if m.tag(v) == Tag::Absent {
                return raise_new(
                    cx,
                    m,
                    Ty::NameError,
                    &format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", cx.name(k)),
                );
            }
            w(m, fr, d, v);
            Flow::Next
        }
        Op::StoreCell(cell, s) => {
            let c = r(m, fr, cell);
            let v = r(m, fr, s);
            m.set_field(c, 1, v);
            Flow::Next
        }
        Op::Bin(op, d, a, b) => binop(cx, m, fr, pc, op, d, a, b, false),
        Op::Inplace(op, d, a, b) => binop(cx, m, fr, pc, op, d, a, b, true),
        Op::Unary(op, d, a) => {
            let v = r(m, fr, a);
            let t = m.tag(v);
            match (op, t) {
                (UnOp::Neg, Tag::Float) => {
                    let z = m.konst(Value::Float(0.0));
                    let res = m.float(FloatOp::Sub, z, v);
                    // -0.0 - x is -x except for signed zeros; use multiplication.
                    let _ = res;
                    let mone = m.konst(Value::Float(-1.0));
                    let res = m.float(FloatOp::Mul, v, mone);
                    w(m, fr, d, res);
                    return Flow::Next;
                }
                (UnOp::Not, Tag::Bool) => {
                    let res = m.not(v);
                    w(m, fr, d, res);
                    return Flow::Next;
                }
                _ => {}
            }
            let idx = match op {
                UnOp::Neg => 0,
                UnOp::Pos => 1,
                UnOp::Invert => 2,
                UnOp::Not => 3,
            };
            let i = int(m, idx);
            match hcall(cx, m, &H_UNARY, &[i, v]) {
                Err(Value::Absent) => {
                    let name = match op {
                        UnOp::Not => "__not",
                        UnOp::Neg => "__neg",
                        UnOp::Pos => "__pos",
                        UnOp::Invert => "__invert",
                    };
                    fallback(cx, m, fr, name, vec![v], d, pc, pc + 1)
                }
                Ok(res) => {
                    w(m, fr, d, res);
                    Flow::Next
                }
                Err(e) => raise(cx, e),
            }
        }
        Op::Compare(op, d, a, b) => compare(cx, m, fr, pc, op, d, a, b),
        Op::Jump(t) => Flow::Jump(t),
        Op::JumpIfFalse(c, t) | Op::JumpIfTrue(c, t) => {
            let want = matches!(op, Op::JumpIfTrue(..));
            let v = r(m, fr, c);
            let b = match truthy(cx, m, fr, pc, v) {
                Ok(b) => b,
                Err(flow) => return flow,
            };
            if b == want {
                Flow::Jump(t)
            } else {
                Flow::Next
            }
        }
        Op::GetIter(d, s) => get_iter(cx, m, fr, pc, d, s),
        Op::ForIter(it, d, exit) => for_iter(cx, m, fr, pc, it, d, exit),
        Op::SendIter(it, sent, d, exit) => {
            let itv = r(m, fr, it);
            if m.tag(itv) == Tag::Record {
                if let Err(KIND_GEN) = record_type(m, itv) {
                    let sv = r(m, fr, sent);
                    return resume_gen(cx, m, fr, pc, itv, sv, 0, d, pc + 1, Some(exit));
                }
            }
            for_iter(cx, m, fr, pc, it, d, exit)
        }
        Op::ForGen(d, exit) => {
            let v = r(m, fr, d);
            if m.tag(v) == Tag::Absent {
                // The generator finished: its return value is the value of `yield from`.
                if let Op::ForIter(it, _, _) | Op::SendIter(it, _, _, _) =
                    cx.data.ops[pc as usize - 1]
                {
                    let g = r(m, fr, it);
                    let rv = m.get_field(g, G_RETVAL);
                    w(m, fr, d, rv);
                }
                return Flow::Jump(exit);
            }
            Flow::Jump(pc + 1)
        }
        Op::BuildList(d, s, n) => {
            let l = m.new_list();
            for i in 0..n {
                let v = r(m, fr, s + i);
                m.list_append(l, v);
            }
            w(m, fr, d, l);
            Flow::Next
        }
        Op::BuildTuple(d, s, n) => {
            let t = m.konst(cx.rtx(mc_of(m)).ty(Ty::Tuple));
            let mut fields = vec![t, int(m, n as i64)];
            for i in 0..n {
                fields.push(r(m, fr, s + i));
            }
            let tup = m.new_record(t, &fields);
            w(m, fr, d, tup);
            Flow::Next
        }
        Op::BuildSet(d, s, n) => {
            let t = m.konst(cx.rtx(mc_of(m)).ty(Ty::Set));
            let dict = m.new_dict();
            let set = m.new_record(t, &[t, dict]);
            for i in 0..n {
                let v = r(m, fr, s + i);
                match hcall(cx, m, &H_SET_ADD, &[set, v]) {
                    Err(Value::Absent) => {
                        w(m, fr, d, set);
                        let mut args = vec![set];
                        for j in 0..n {
                            args.push(r(m, fr, s + j));
                        }
                        return fallback(cx, m, fr, "__set_fill", args, REG_DISCARD, pc, pc + 1);
                    }
                    Err(e) => return raise(cx, e),
                    Ok(_) => {}
                }
            }
            w(m, fr, d, set);
            Flow::Next
        }
        Op::BuildDict(d, s, n) => {
            let dict = m.new_dict();
            // While the keys of this display are ints and strings, an int
            // key can only equal the same int in the (fresh) dict: no bool
            // or float key is there to compare equal to it.
            let mut mixed = false;
            for i in 0..n {
                let k = r(m, fr, s + 2 * i);
                let v = r(m, fr, s + 2 * i + 1);
                match m.tag(k) {
                    Tag::Int if !mixed => {
                        m.dict_set(dict, k, v);
                        continue;
                    }
                    Tag::Int | Tag::Str => {}
                    _ => mixed = true,
                }
                match store_key(cx, m, dict, k, v) {
                    Err(e) => return raise(cx, e),
                    Ok(true) => {}
                    Ok(false) => {
                        w(m, fr, d, dict);
                        let mut args = vec![dict];
                        for j in 0..2 * n {
                            args.push(r(m, fr, s + j));
                        }
                        return fallback(cx, m, fr, "__dict_fill", args, REG_DISCARD, pc, pc + 1);
                    }
                }
            }
            w(m, fr, d, dict);
            Flow::Next
        }
        Op::ListAppend(l, v) => {
            let lv = r(m, fr, l);
            let vv = r(m, fr, v);
            m.list_append(lv, vv);
            Flow::Next
        }
        Op::ListExtend(l, v) => {
            let lv = r(m, fr, l);
            let vv = r(m, fr, v);
            match hcall(cx, m, &H_EXTEND, &[lv, vv]) {
                Err(Value::Absent) => {
                    fallback(cx, m, fr, "__extend", vec![lv, vv], REG_DISCARD, pc, pc + 1)
                }
                Ok(_) => Flow::Next,
                Err(e) => raise(cx, e),
            }
        }
        Op::SetAdd(s, v) => {
            let sv = r(m, fr, s);
            let vv = r(m, fr, v);
            match hcall(cx, m, &H_SET_ADD, &[sv, vv]) {
                Err(Value::Absent) => fallback(
                    cx,
                    m,
                    fr,
                    "__set_add",
                    vec![sv, vv],
                    REG_DISCARD,
                    pc,
                    pc + 1,
                ),
                Ok(_) => Flow::Next,
                Err(e) => raise(cx, e),
            }
        }
        Op::DictInsert(dr, k, v) => {
            let dv = r(m, fr, dr);
            let kv = r(m, fr, k);
            let vv = r(m, fr, v);
            match store_key(cx, m, dv, kv, vv) {
                Ok(true) => Flow::Next,
                Ok(false) => fallback(
                    cx,
                    m,
                    fr,
                    "__dict_set",
                    vec![dv, kv, vv],
                    REG_DISCARD,
                    pc,
                    pc + 1,
                ),
                Err(e) => raise(cx, e),
            }
        }
        Op::DictUpdate(dr, s) => {
            let dv = r(m, fr, dr);
            let sv = r(m, fr, s);
            match hcall(cx, m, &H_DICT_UPDATE, &[dv, sv]) {
                Err(Value::Absent) => fallback(
                    cx,
                    m,
                    fr,
                    "__dict_update",
                    vec![dv, sv],
                    REG_DISCARD,
                    pc,
                    pc + 1,
                ),
                Ok(_) => Flow::Next,
                Err(e) => raise(cx, e),
            }
        }
        Op::ListToTuple(d, s) => {
            let sv = r(m, fr, s);
            match hcall(cx, m, &H_TO_TUPLE, &[sv]) {
                Ok(t) => {
                    w(m, fr, d, t);
                    Flow::Next
                }
                Err(e) => raise(cx, e),
            }
        }
        Op::BuildSlice(d, s) => {
            let a = r(m, fr, s);
            let b = r(m, fr, s + 1);
            let c = r(m, fr, s + 2);
            let t = m.konst(cx.rtx(mc_of(m)).ty(Ty::Slice));
            let sl = m.new_record(t, &[t, a, b, c]);
            w(m, fr, d, sl);
            Flow::Next
        }
        Op::GetAttr(d, o, k) => get_attr(cx, m, fr, pc, d, o, k, pc + 1),
        Op::SetAttr(o, k, v) => set_attr(cx, m, fr, pc, o, k, v),
        Op::DelAttr(o, k) => {
            let ov = r(m, fr, o);
            let kv = m.konst(cx.k(k));
            match hcall(cx, m, &H_DELATTR, &[ov, kv]) {
                Err(Value::Absent) => fallback(
                    cx,
                    m,
                    fr,
                    "__delattr",
                    vec![ov, kv],
                    REG_DISCARD,
                    pc,
                    pc + 1,
                ),
                Ok(_) => Flow::Next,
                Err(e) => raise(cx, e),
            }
        }
        Op::GetItem(d, o, k) => get_item(cx, m, fr, pc, d, o, k),
        Op::SetItem(o, k, v) => set_item(cx, m, fr, pc, o, k, v),
        Op::SliceCopy(b, dlo, dhi, done) => match slice_copy(cx, m, fr, b, [dlo, dhi]) {
            Some(Ok(())) => Flow::Jump(done),
            Some(Err(e)) => raise(cx, e),
            None => Flow::Next,
        },
        Op::DelItem(o, k) => {
            let ov = r(m, fr, o);
            let kv = r(m, fr, k);
            match hcall(cx, m, &H_DELITEM, &[ov, kv]) {
                Err(Value::Absent) => fallback(
                    cx,
                    m,
                    fr,
                    "__delitem",
                    vec![ov, kv],
                    REG_DISCARD,
                    pc,
                    pc + 1,
                ),
                Ok(_) => Flow::Next,
                Err(e) => raise(cx, e),
            }
        }
        Op::Call(d, f, a, npos, kwk) => {
            let fv = r(m, fr, f);
            let pos = call_args(m, fr, a, npos);
            let (kwn, kwv) = kw_args(cx, m, fr, a + npos, kwk);
            call_value(cx, m, fr, fv, pos, kwn, kwv, d, pc, pc + 1)
        }
        Op::CallEx(d, f, t, kd) => {
            let fv = r(m, fr, f);
            let tv = r(m, fr, t);
            let n = m.get_field(tv, TUP_LEN);
            let n = int_of(m.promote(n)) as u32;
            let pos: Vec<M::V> = (0..n).map(|i| m.get_field(tv, TUP_ITEMS + i)).collect();
            let (mut kwn, mut kwv) = (Vec::new(), Vec::new());
            if kd != NONE {
                let dv = r(m, fr, kd);
                let flat = match hcall(cx, m, &H_DICT_ITEMS, &[dv]) {
                    Ok(x) => x,
                    Err(Value::Absent) => {
                        return raise_new(
                            cx,
                            m,
                            Ty::TypeError,
                            "argument after ** must be a mapping",
                        )
                    }
                    Err(e) => return raise(cx, e),
                };
                let n = m.get_field(flat, TUP_LEN);
                let n = int_of(m.promote(n)) as u32;
                for i in 0..n / 2 {
                    let k = m.get_field(flat, TUP_ITEMS + 2 * i);
                    kwn.push(m.promote(k));
                    kwv.push(m.get_field(flat, TUP_ITEMS + 2 * i + 1));
                }
            }
            call_value(cx, m, fr, fv, pos, kwn, kwv, d, pc, pc + 1)
        }
        Op::CallMethod(d, o, k, a, npos, kwk) => call_method(cx, m, fr, pc, d, o, k, a, npos, kwk),
        Op::Return(s) => {
            let v = r(m, fr, s);
            let g = r(m, fr, REG_GEN);
            if m.tag(g) == Tag::Record {
                // A generator finished.
                let mode = m.get_field(g, G_MODE);
                let mode = int_of(m.promote(mode));
                let done = int(m, GEN_DONE);
                m.set_field(g, G_STATE, done);
                m.set_field(g, G_RETVAL, v);
                if mode == 0 {
                    let a = m.konst(Value::Absent);
                    return Flow::Act(Action::Return(a));
                }
                let rt = cx.rtx(mc_of(m));
                let args = match m.get(v) {
                    Value::None => rt.tuple(&[]),
                    x => rt.tuple(&[x]),
                };
                let e = rt.exc_args(rt.ty(Ty::StopIteration), args);
                return raise(cx, e);
            }
            Flow::Act(Action::Return(v))
        }
        Op::Yield(_d, s) => {
            // Resumed by throw(): raise the exception here, at the yield.
            let rs = r(m, fr, REG_RESUME);
            if m.tag(rs) == Tag::Int {
                let rv = m.promote(rs);
                if rv.same(&Value::Int(-2)) {
                    let none = m.konst(Value::None);
                    w(m, fr, REG_RESUME, none);
                    let sv = r(m, fr, REG_SENT);
                    let e = m.get(sv);
                    let rt = cx.rtx(mc_of(m));
                    let e = if is_type(e) {
                        rt.exc_args(e, rt.tuple(&[]))
                    } else {
                        e
                    };
                    return raise(cx, e);
                }
            }
            let v = r(m, fr, s);
            let g = r(m, fr, REG_GEN);
            let l = m.get_field(g, G_REGS);
            for i in 0..cx.data.nregs {
                let x = r(m, fr, i);
                let iv = int(m, i as i64);
                m.list_set(l, iv, x);
            }
            let p = int(m, pc as i64 + 1);
            m.set_field(g, G_PC, p);
            let s = int(m, GEN_SUSPENDED);
            m.set_field(g, G_STATE, s);
            Flow::Act(Action::Return(v))
        }
        Op::Raise(e, c) => do_raise(cx, m, fr, pc, e, c),
        Op::Reraise(e) => {
            let ev = r(m, fr, e);
            let v = m.get(ev);
            cx.lang.reraise.set(true);
            raise(cx, v)
        }
        Op::MakeFunction(d, k, defs, kwdefs, cs, n) => {
            let code = cx.k(k);
            let cdata = code_data(code).expect("nested code");
            let rt = cx.rtx(mc_of(m));
            let none = m.konst(Value::None);
            let defaults = if defs == NONE { none } else { r(m, fr, defs) };
            let kwdefaults = if kwdefs == NONE {
                none
            } else {
                r(m, fr, kwdefs)
            };
            let closure = if n == 0 {
                none
            } else {
                let t = m.konst(rt.ty(Ty::Tuple));
                let mut fields = vec![t, int(m, n as i64)];
                for i in 0..n {
                    fields.push(r(m, fr, cs + i));
                }
                m.new_record(t, &fields)
            };
            let module = heap::dict_get(cx.k(K_GLOBALS), rt.s("__name__"));
            let fields = [
                int(m, KIND_FUNC),
                m.konst(rt.s(&cdata.name)),
                m.konst(rt.s(&cdata.qualname)),
                defaults,
                kwdefaults,
                closure,
                none,
                m.konst(module),
            ];
            let cv = m.konst(code);
            let f = m.new_record(cv, &fields);
            w(m, fr, d, f);
            Flow::Next
        }
        Op::MakeClass(d, k, bases, ns) => {
            let name = m.konst(cx.k(k));
            let b = r(m, fr, bases);
            let n = r(m, fr, ns);
            let g = m.konst(cx.k(K_GLOBALS));
            match hcall(cx, m, &H_MAKECLASS, &[name, b, n, g]) {
                Ok(c) => {
                    w(m, fr, d, c);
                    // The parents' __init_subclass__ (implicitly a classmethod).
                    let cls = m.get(c);
                    let chain = mro(cls);
                    for p in chain.iter().skip(1) {
                        let f = heap::dict_get(
                            field(*p, T_DICT),
                            cx.rtx(mc_of(m)).s("__init_subclass__"),
                        );
                        let f = match kind_of(&cx.rtx(mc_of(m)), f) {
                            Ty::ClassMethod => field(f, 1),
                            _ => f,
                        };
                        if is_py_function(f) {
                            let fv = m.konst(f);
                            return call_value(
                                cx,
                                m,
                                fr,
                                fv,
                                vec![c],
                                vec![],
                                vec![],
                                REG_DISCARD,
                                pc,
                                pc + 1,
                            );
                        }
                        if !matches!(f, Value::Absent) {
                            break;
                        }
                    }
                    Flow::Next
                }
                // A base's user metaclass makes the class (the prelude calls it).
                Err(Value::Absent) => {
                    let f = m.konst(cx.rtx(mc_of(m)).prelude("__b___build_class__"));
                    call_value(
                        cx,
                        m,
                        fr,
                        f,
                        vec![n, name, b],
                        vec![],
                        vec![],
                        d,
                        pc,
                        pc + 1,
                    )
                }
                Err(e) => raise(cx, e),
            }
        }
        Op::Import(d, k, flags) => {
            let name = m.konst(cx.k(k));
            let fl = int(m, flags as i64);
            let g = m.konst(cx.k(K_GLOBALS));
            match hcall(cx, m, &H_IMPORT, &[name, fl, g]) {
                Ok(res) => {
                    // A (module, body) pair: run the body, then continue with the module.
                    let rv = m.get(res);
                    let rt = cx.rtx(mc_of(m));
                    if kind_of(&rt, rv) == Ty::Tuple {
                        let items = tuple_items(rv);
                        let (module, body, bind) = (items[0], items[1], items[2]);
                        let bv = m.konst(bind);
                        w(m, fr, d, bv);
                        let _ = module;
                        let f = m.konst(body);
                        return call_value(
                            cx,
                            m,
                            fr,
                            f,
                            vec![],
                            vec![],
                            vec![],
                            REG_DISCARD,
                            pc,
                            pc + 1,
                        );
                    }
                    w(m, fr, d, res);
                    Flow::Next
                }
                Err(e) => raise(cx, e),
            }
        }
        Op::ImportFrom(d, mo, k) => {
            let mv = r(m, fr, mo);
            let name = m.konst(cx.k(k));
            match hcall(cx, m, &H_IMPORTFROM, &[mv, name]) {
                Ok(v) => {
                    w(m, fr, d, v);
                    Flow::Next
                }
                Err(e) => raise(cx, e),
            }
        }
        Op::ImportStar(mo) => {
            let mv = r(m, fr, mo);
            let g = m.konst(cx.k(K_GLOBALS));
            match hcall(cx, m, &H_IMPORTSTAR, &[mv, g]) {
                Ok(_) => Flow::Next,
                Err(e) => raise(cx, e),
            }
        }
        Op::Unpack(s, d, before, after) => unpack(cx, m, fr, pc, s, d, before, after),
        Op::Format(d, v, conv, spec) => {
            let vv = r(m, fr, v);
            let t = m.tag(vv);
            if conv == 0 && spec == NONE && t == Tag::Str {
                w(m, fr, d, vv);
                return Flow::Next;
            }
            let c = int(m, conv as i64);
            let sp = if spec == NONE {
                m.konst(Value::None)
            } else {
                r(m, fr, spec)
            };
            match hcall(cx, m, &H_FORMAT, &[vv, c, sp]) {
                Err(Value::Absent) => {
                    fallback(cx, m, fr, "__format", vec![vv, c, sp], d, pc, pc + 1)
                }
                Ok(res) => {
                    w(m, fr, d, res);
                    Flow::Next
                }
                Err(e) => raise(cx, e),
            }
        }
        Op::BuildString(d, s, n) => {
            let parts: Vec<M::V> = (0..n).map(|i| r(m, fr, s + i)).collect();
            match hcall(cx, m, &H_CONCAT, &parts) {
                Ok(v) => {
                    w(m, fr, d, v);
                    Flow::Next
                }
                Err(e) => raise(cx, e),
            }
        }
        Op::ExcMatch(d, e, c) => {
            let ev = r(m, fr, e);
            let cv = r(m, fr, c);
            match hcall(cx, m, &H_EXCMATCH, &[ev, cv]) {
                Ok(v) => {
                    w(m, fr, d, v);
                    Flow::Next
                }
                Err(e) => raise(cx, e),
            }
        }
        Op::TypeOf(d, v) => {
            let vv = r(m, fr, v);
            match hcall(cx, m, &H_TYPEOF, &[vv]) {
                Ok(t) => {
                    w(m, fr, d, t);
                    Flow::Next
                }
                Err(e) => raise(cx, e),
            }
        }
        Op::Super(d, cell, first) => {
            let c = r(m, fr, cell);
            let cls = m.get_field(c, 1);
            let obj = r(m, fr, first);
            let t = m.konst(cx.rtx(mc_of(m)).ty(Ty::Super));
            let s = m.new_record(t, &[t, cls, obj]);
            w(m, fr, d, s);
            Flow::Next
        }
        Op::AssertFail(msg) => {
            let rt = cx.rtx(mc_of(m));
            let args = if msg == NONE {
                rt.tuple(&[])
            } else {
                let mv = r(m, fr, msg);
                let v = m.get(mv);
                rt.tuple(&[v])
            };
            let e = rt.exc_args(rt.ty(Ty::AssertionError), args);
            raise(cx, e)
        }
    }
}

/// Stores `k: v` into a dict, with the fast path for str and int keys.
fn store_key<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    d: M::V,
    k: M::V,
    v: M::V,
) -> Result<bool, Value<'gc>> {
    match m.tag(k) {
        Tag::Str => {
            m.dict_set(d, k, v);
            Ok(true)
        }
        Tag::Int if not_bool_like(m, k) && no_float_keys(cx, m) => {
            m.dict_set(d, k, v);
            Ok(true)
        }
        _ => match hcall(cx, m, &H_DICT_SET, &[d, k, v]) {
            Ok(_) => Ok(true),
            Err(Value::Absent) => Ok(false),
            Err(e) => Err(e),
        },
    }
}

/// The positional arguments in registers `a..a+n`, with room for a bound
/// `self` and the callee's depth (inserted in front without reallocating).
fn call_args<'gc, M: Meta<'gc>>(m: &mut M, fr: &Frame<'gc>, a: R, n: u32) -> Vec<M::V> {
    // Room for the receiver and the depth, and for most callees' registers
    // (the vector becomes the callee's frame).
    let mut pos = m.new_regs((n as usize + 2).max(24));
    for i in 0..n {
        pos.push(r(m, fr, a + i));
    }
    pos
}

fn kw_args<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &Frame<'gc>,
    start: R,
    kwk: K,
) -> (Vec<Value<'gc>>, Vec<M::V>) {
    if kwk == NONE {
        return (Vec::new(), Vec::new());
    }
    let names = tuple_items(cx.k(kwk));
    let vals = (0..names.len() as u32)
        .map(|i| r(m, fr, start + i))
        .collect();
    (names, vals)
}

/// Whether an int converts to a float exactly (|i| <= 2**53), so comparing as floats is exact.
fn exact_in_float<'gc, M: Meta<'gc>>(m: &mut M, i: M::V) -> bool {
    let hi = int(m, 1 << 53);
    let lo = int(m, -(1 << 53));
    let le = m.int_cmp(Cmp::Le, i, hi);
    if !m.truth(le) {
        return false;
    }
    let ge = m.int_cmp(Cmp::Ge, i, lo);
    m.truth(ge)
}

/// An int key other than 0 and 1 (which share dict entries with False and True).
fn not_bool_like<'gc, M: Meta<'gc>>(m: &mut M, k: M::V) -> bool {
    let one = int(m, 1);
    let gt = m.int_cmp(Cmp::Gt, k, one);
    if m.truth(gt) {
        return true;
    }
    let z = int(m, 0);
    let lt = m.int_cmp(Cmp::Lt, k, z);
    m.truth(lt)
}

/// Whether no integral float was ever a dict key (`objects::RT_FKEYS`), so
/// an int key has no equal float key to keep.
fn no_float_keys<'gc, M: Meta<'gc>>(cx: &Cx<'_, 'gc>, m: &mut M) -> bool {
    let rtv = m.konst(cx.rt);
    let f = m.get_field(rtv, RT_FKEYS);
    !m.truth(f)
}

/// Truth of a value: Ok(bool), or a flow that calls `__bool__`/`__len__` and re-enters.
fn truthy<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    v: M::V,
) -> Result<bool, Flow<'gc, M::V>> {
    match m.tag(v) {
        Tag::Bool => Ok(m.truth(v)),
        Tag::Int => {
            let z = int(m, 0);
            let c = m.int_cmp(Cmp::Ne, v, z);
            Ok(m.truth(c))
        }
        Tag::None => Ok(false),
        Tag::Float => {
            let z = m.konst(Value::Float(0.0));
            let c = m.float_cmp(Cmp::Ne, v, z);
            Ok(m.truth(c))
        }
        Tag::List => {
            let n = m.list_len(v);
            let z = int(m, 0);
            let c = m.int_cmp(Cmp::Ne, n, z);
            Ok(m.truth(c))
        }
        _ => {
            if let Some(res) = reentry(m, fr, pc) {
                return match m.tag(res) {
                    Tag::Bool => Ok(m.truth(res)),
                    _ => Err(raise_new(
                        cx,
                        m,
                        Ty::TypeError,
                        "__bool__ should return bool",
                    )),
                };
            }
            match hcall(cx, m, &H_TRUTH, &[v]) {
                Ok(b) => Ok(m.truth(b)),
                Err(Value::Absent) => Err(fallback_reenter(cx, m, fr, "__truth", vec![v], pc)),
                Err(e) => Err(raise(cx, e)),
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn binop<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    op: BinOp,
    d: R,
    a: R,
    b: R,
    inplace: bool,
) -> Flow<'gc, M::V> {
    let x = r(m, fr, a);
    let y = r(m, fr, b);
    let (tx, ty) = (m.tag(x), m.tag(y));
    let res: Option<M::V> = match (tx, ty) {
        (Tag::Int, Tag::Int) => match op {
            BinOp::Add => m.int_ovf(OvfOp::Add, x, y),
            BinOp::Sub => m.int_ovf(OvfOp::Sub, x, y),
            BinOp::Mul => m.int_ovf(OvfOp::Mul, x, y),
            BinOp::BitAnd => Some(m.int(IntOp::And, x, y)),
            BinOp::BitOr => Some(m.int(IntOp::Or, x, y)),
            BinOp::BitXor => Some(m.int(IntOp::Xor, x, y)),
            BinOp::FloorDiv | BinOp::Mod => {
                let z = int(m, 0);
                let nz = m.int_cmp(Cmp::Gt, y, z);
                if m.truth(nz) {
                    Some(m.int(
                        if op == BinOp::Mod {
                            IntOp::FloorMod
                        } else {
                            IntOp::FloorDiv
                        },
                        x,
                        y,
                    ))
                } else {
                    None
                }
            }
            BinOp::RShift => {
                let z = int(m, 0);
                let c64 = int(m, 64);
                let ge = m.int_cmp(Cmp::Ge, y, z);
                if m.truth(ge) {
                    let lt = m.int_cmp(Cmp::Lt, y, c64);
                    if m.truth(lt) {
                        Some(m.int(IntOp::Shr, x, y))
                    } else {
                        None
                    }
                } else {
                    None
                }
            }
            BinOp::Div => {
                let z = int(m, 0);
                let nz = m.int_cmp(Cmp::Ne, y, z);
                // Exact as floats (|x|, |y| <= 2**53), so one rounding, as
                // CPython's; bigger operands take the generic division.
                let (hi, lo) = (int(m, 1 << 53), int(m, -(1 << 53)));
                let exact = |m: &mut M, v| {
                    let a = m.int_cmp(Cmp::Le, v, hi);
                    let b = m.int_cmp(Cmp::Ge, v, lo);
                    m.truth(a) && m.truth(b)
                };
                if m.truth(nz) && exact(m, x) && exact(m, y) {
                    let fx = m.int_to_float(x);
                    let fy = m.int_to_float(y);
                    Some(m.float(FloatOp::Div, fx, fy))
                } else {
                    None
                }
            }
            _ => None,
        },
        (Tag::Float, Tag::Float) | (Tag::Float, Tag::Int) | (Tag::Int, Tag::Float) => {
            let fx = if tx == Tag::Int { m.int_to_float(x) } else { x };
            let fy = if ty == Tag::Int { m.int_to_float(y) } else { y };
            match op {
                BinOp::Add => Some(m.float(FloatOp::Add, fx, fy)),
                BinOp::Sub => Some(m.float(FloatOp::Sub, fx, fy)),
                BinOp::Mul => Some(m.float(FloatOp::Mul, fx, fy)),
                BinOp::Div => {
                    let z = m.konst(Value::Float(0.0));
                    let nz = m.float_cmp(Cmp::Ne, fy, z);
                    if m.truth(nz) {
                        Some(m.float(FloatOp::Div, fx, fy))
                    } else {
                        None
                    }
                }
                BinOp::Pow => {
                    // A positive base: libm's pow, as CPython; a result that
                    // is not finite (overflow, nan, inf operands) takes the
                    // generic path, which raises or special-cases as CPython.
                    let z = m.konst(Value::Float(0.0));
                    let pos = m.float_cmp(Cmp::Gt, fx, z);
                    if m.truth(pos) {
                        m.call(&H_FPOW, &[fx, fy]).ok()
                    } else {
                        None
                    }
                }
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(v) = res {
        w(m, fr, d, v);
        return Flow::Next;
    }
    let i = int(m, binop_index(op));
    let h = if inplace { &H_INPLACE } else { &H_BINOP };
    match hcall(cx, m, h, &[i, x, y]) {
        Err(Value::Absent) => {
            let name = if inplace {
                "__inplace_op"
            } else {
                "__binary_op"
            };
            fallback(cx, m, fr, name, vec![i, x, y], d, pc, pc + 1)
        }
        Ok(v) => {
            w(m, fr, d, v);
            Flow::Next
        }
        Err(e) => raise(cx, e),
    }
}

#[allow(clippy::too_many_arguments)]
fn compare<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    op: CmpOp,
    d: R,
    a: R,
    b: R,
) -> Flow<'gc, M::V> {
    let x = r(m, fr, a);
    let y = r(m, fr, b);
    let cmp = match op {
        CmpOp::Lt => Some(Cmp::Lt),
        CmpOp::Le => Some(Cmp::Le),
        CmpOp::Gt => Some(Cmp::Gt),
        CmpOp::Ge => Some(Cmp::Ge),
        CmpOp::Eq => Some(Cmp::Eq),
        CmpOp::Ne => Some(Cmp::Ne),
        CmpOp::Is | CmpOp::IsNot => {
            let s = m.same(x, y);
            let v = m.konst(Value::Bool(s == (op == CmpOp::Is)));
            w(m, fr, d, v);
            return Flow::Next;
        }
        _ => None,
    };
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && identity_eq(cx, m, pc, x, y) {
        let s = m.same(x, y);
        let v = m.konst(Value::Bool(s == (op == CmpOp::Eq)));
        w(m, fr, d, v);
        return Flow::Next;
    }
    if let Some(c) = cmp {
        let (tx, ty) = (m.tag(x), m.tag(y));
        let res = match (tx, ty) {
            (Tag::Int, Tag::Int) => Some(m.int_cmp(c, x, y)),
            (Tag::Float, Tag::Float) => Some(m.float_cmp(c, x, y)),
            (Tag::Float, Tag::Int) if exact_in_float(m, y) => {
                let fy = m.int_to_float(y);
                Some(m.float_cmp(c, x, fy))
            }
            (Tag::Int, Tag::Float) if exact_in_float(m, x) => {
                let fx = m.int_to_float(x);
                Some(m.float_cmp(c, fx, y))
            }
            (Tag::None, Tag::None) if matches!(c, Cmp::Eq | Cmp::Ne) => {
                Some(m.konst(Value::Bool(c == Cmp::Eq)))
            }
            _ => None,
        };
        if let Some(v) = res {
            w(m, fr, d, v);
            return Flow::Next;
        }
    }
    let i = int(m, cmpop_index(op));
    match hcall(cx, m, &H_COMPARE, &[i, x, y]) {
        Err(Value::Absent) => fallback(cx, m, fr, "__compare_op", vec![i, x, y], d, pc, pc + 1),
        Ok(v) => {
            w(m, fr, d, v);
            Flow::Next
        }
        Err(e) => raise(cx, e),
    }
}

/// Whether `x == y` is identity: `x` is an instance of a plain class (no
/// native base, no Python `__eq__`/`__ne__`) and `y` is None or such an
/// instance. The types are promoted and the method lookups are green behind
/// the class epoch, so in a trace this is two type guards and a compare.
fn identity_eq<'gc, M: Meta<'gc>>(cx: &Cx<'_, 'gc>, m: &mut M, pc: u32, x: M::V, y: M::V) -> bool {
    if m.tag(x) != Tag::Record {
        return false;
    }
    let rtv = m.konst(cx.rt);
    let epoch = m.get_field(rtv, RT_EPOCH);
    if !matches!(m.promote(epoch), Value::Int(_)) {
        return false;
    }
    let plain = |m: &mut M, v: M::V| -> bool {
        let Ok(ty) = record_type(m, v) else {
            return false;
        };
        // The answer depends on the class alone: cached per instruction
        // (`class_ic`), where `fastpath::plain_identity` finds it too.
        let mc = mc_of(m);
        let is_plain = class_ic(cx, mc, pc, ty, || {
            let rt = cx.rtx(mc);
            Value::Bool(
                builtin_of(ty).is_some_and(is_instance_kind)
                    && native_base(ty).is_none()
                    && !is_py_function(lookup(&rt, ty, "__eq__"))
                    && !is_py_function(lookup(&rt, ty, "__ne__")),
            )
        });
        matches!(is_plain, Value::Bool(true))
    };
    if !plain(m, x) {
        return false;
    }
    match m.tag(y) {
        Tag::None => true,
        Tag::Record => plain(m, y),
        _ => false,
    }
}

fn get_iter<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    d: R,
    s: R,
) -> Flow<'gc, M::V> {
    let v = r(m, fr, s);
    let rt = cx.rtx(mc_of(m));
    match m.tag(v) {
        Tag::List => {
            let t = m.konst(rt.ty(Ty::ListIter));
            let z = int(m, 0);
            let it = m.new_record(t, &[t, v, z]);
            w(m, fr, d, it);
            return Flow::Next;
        }
        Tag::Record => match record_type(m, v) {
            Ok(ty) => match builtin_of(ty) {
                Some(Ty::Range) => {
                    let t = m.konst(rt.ty(Ty::RangeIter));
                    let a = m.get_field(v, 1);
                    let b = m.get_field(v, 2);
                    let c = m.get_field(v, 3);
                    let it = m.new_record(t, &[t, a, b, c]);
                    w(m, fr, d, it);
                    return Flow::Next;
                }
                Some(Ty::Tuple) => {
                    let t = m.konst(rt.ty(Ty::TupleIter));
                    let z = int(m, 0);
                    let it = m.new_record(t, &[t, v, z]);
                    w(m, fr, d, it);
                    return Flow::Next;
                }
                Some(k) if is_instance_kind(k) => {
                    if is_plain::<M>() {
                        // For `fastpath::exec_plain`: whether this class's
                        // instances iterate their native list (the case
                        // below), cached per class at this instruction.
                        let rt = cx.rtx(mc_of(m));
                        class_ic(cx, rt.mc, pc, ty, || {
                            let native_list = !is_py_function(lookup(&rt, ty, "__iter__"))
                                && !is_py_function(lookup(&rt, ty, "__getitem__"))
                                && native_base(ty) == Some(Ty::List);
                            if native_list {
                                Value::Int(crate::fastpath::IC_ITER_LIST)
                            } else {
                                Value::Bool(false)
                            }
                        });
                    }
                    let f = class_const(cx, m, ty, "__iter__");
                    if is_py_function(f) {
                        let fv = m.konst(f);
                        return call_value(cx, m, fr, fv, vec![v], vec![], vec![], d, pc, pc + 1);
                    }
                    if is_py_function(class_const(cx, m, ty, "__getitem__")) {
                        return fallback(cx, m, fr, "__seq_iter", vec![v], d, pc, pc + 1);
                    }
                    if native_base(ty) == Some(Ty::List) {
                        // A list subclass without `__iter__`: iterate its list.
                        let slot = m.get_field(v, I_SLOT1);
                        if m.tag(slot) == Tag::List {
                            let t = m.konst(rt.ty(Ty::ListIter));
                            let z = int(m, 0);
                            let it = m.new_record(t, &[t, slot, z]);
                            w(m, fr, d, it);
                            return Flow::Next;
                        }
                    }
                }
                _ => {}
            },
            Err(KIND_GEN) => {
                w(m, fr, d, v);
                return Flow::Next;
            }
            Err(_) => {}
        },
        _ => {}
    }
    match hcall(cx, m, &H_GETITER, &[v]) {
        Err(Value::Absent) => fallback(cx, m, fr, "__iter", vec![v], d, pc, pc + 1),
        Ok(it) => {
            w(m, fr, d, it);
            Flow::Next
        }
        Err(e) => raise(cx, e),
    }
}

/// Resumes a generator: `mode` 0 answers Absent when it finishes, 1 raises StopIteration.
#[allow(clippy::too_many_arguments)]
fn resume_gen<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    g: M::V,
    sent: M::V,
    mode: i64,
    d: R,
    resume: u32,
    exhausted: Option<u32>,
) -> Flow<'gc, M::V> {
    let gv = m.promote(g);
    let st = m.get_field(g, G_STATE);
    let st = int_of(m.promote(st));
    if st == GEN_DONE {
        if let Some(exit) = exhausted {
            return Flow::Jump(exit);
        }
        return raise_new(cx, m, Ty::StopIteration, "");
    }
    if st == GEN_RUNNING {
        return raise_new(cx, m, Ty::ValueError, "generator already executing");
    }
    if st == GEN_CREATED {
        if let Value::None = m.get(sent) {
        } else {
            return raise_new(
                cx,
                m,
                Ty::TypeError,
                "can't send non-None value to a just-started generator",
            );
        }
    }
    let gpc = m.get_field(g, G_PC);
    let gpc = m.promote(gpc);
    let depth = r(m, fr, REG_DEPTH);
    let one = int(m, 1);
    let nd = m.int(IntOp::Add, depth, one);
    let running = int(m, GEN_RUNNING);
    m.set_field(g, G_STATE, running);
    let mv = int(m, mode);
    m.set_field(g, G_MODE, mv);
    fr.ret_reg = d;
    let cp = int(m, pc as i64);
    w(m, fr, REG_CALLPC, cp);
    fr.pc = resume;
    let pcv = m.konst(gpc);
    Flow::Act(Action::Call {
        callee: gv,
        args: vec![nd, sent, pcv],
    })
}

#[allow(clippy::too_many_arguments)]
fn for_iter<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    itr: R,
    d: R,
    exit: u32,
) -> Flow<'gc, M::V> {
    let it = r(m, fr, itr);
    if m.tag(it) != Tag::Record {
        return raise_new(cx, m, Ty::TypeError, "not an iterator");
    }
    match record_type(m, it) {
        Ok(ty) => match builtin_of(ty) {
            Some(Ty::RangeIter) => {
                let cur = m.get_field(it, 1);
                let stop = m.get_field(it, 2);
                let stp = m.get_field(it, 3);
                if m.tag(cur) != Tag::Int || m.tag(stop) != Tag::Int || m.tag(stp) != Tag::Int {
                    return raise_new(cx, m, Ty::OverflowError, "range too large");
                }
                let z = int(m, 0);
                let pos = m.int_cmp(Cmp::Gt, stp, z);
                let more = if m.truth(pos) {
                    m.int_cmp(Cmp::Lt, cur, stop)
                } else {
                    m.int_cmp(Cmp::Gt, cur, stop)
                };
                if !m.truth(more) {
                    return Flow::Jump(exit);
                }
                let next = match m.int_ovf(OvfOp::Add, cur, stp) {
                    Some(n) => n,
                    None => stop,
                };
                m.set_field(it, 1, next);
                w(m, fr, d, cur);
                Flow::Jump(pc + 2)
            }
            Some(Ty::ListIter) | Some(Ty::SeqIter) => {
                let l = m.get_field(it, 1);
                let i = m.get_field(it, 2);
                let n = m.list_len(l);
                let more = m.int_cmp(Cmp::Lt, i, n);
                if !m.truth(more) {
                    return Flow::Jump(exit);
                }
                let v = m.list_get(l, i);
                let one = int(m, 1);
                let i1 = m.int(IntOp::Add, i, one);
                m.set_field(it, 2, i1);
                w(m, fr, d, v);
                Flow::Jump(pc + 2)
            }
            Some(Ty::TupleIter) => {
                let t = m.get_field(it, 1);
                let i = m.get_field(it, 2);
                let n = m.get_field(t, TUP_LEN);
                let more = m.int_cmp(Cmp::Lt, i, n);
                if !m.truth(more) {
                    return Flow::Jump(exit);
                }
                let v = match hcall(cx, m, &H_TUPLE_GET, &[t, i]) {
                    Ok(v) => v,
                    Err(e) => return raise(cx, e),
                };
                let one = int(m, 1);
                let i1 = m.int(IntOp::Add, i, one);
                m.set_field(it, 2, i1);
                w(m, fr, d, v);
                Flow::Jump(pc + 2)
            }
            Some(k) if is_instance_kind(k) => {
                let f = class_const(cx, m, ty, "__next__");
                if !is_py_function(f) {
                    return raise_new(
                        cx,
                        m,
                        Ty::TypeError,
                        &format!("'{}' object is not an iterator", type_name(ty)),
                    );
                }
                let fv = m.konst(f);
                // StopIteration from __next__ is caught by `catch` (the frame waits on a ForIter).
                call_value(cx, m, fr, fv, vec![it], vec![], vec![], d, pc, pc + 1)
            }
            Some(Ty::Zip) | Some(Ty::Enumerate) => {
                // Peek every inner native iterator first (decisions), then
                // advance them all (writes), as the recorder requires.
                let rt = cx.rtx(mc_of(m));
                let inners: smallvec::SmallVec<[M::V; 4]> = if builtin_of(ty) == Some(Ty::Zip) {
                    let l = m.get_field(it, 1);
                    let n = m.list_len(l);
                    let n = int_of(m.promote(n));
                    (0..n)
                        .map(|i| {
                            let iv = int(m, i);
                            m.list_get(l, iv)
                        })
                        .collect()
                } else {
                    smallvec::smallvec![m.get_field(it, 1)]
                };
                if inners.is_empty() {
                    return Flow::Jump(exit);
                }
                let mut peeks: smallvec::SmallVec<[Peek<M::V>; 4]> = smallvec::SmallVec::new();
                for inner in &inners {
                    match peek_native(cx, m, *inner) {
                        Some(Some(p)) => peeks.push(p),
                        Some(None) => return Flow::Jump(exit),
                        None => {
                            return match hcall(cx, m, &H_ITERNEXT, &[it]) {
                                Ok(v) => {
                                    if m.tag(v) == Tag::Absent {
                                        return Flow::Jump(exit);
                                    }
                                    w(m, fr, d, v);
                                    Flow::Jump(pc + 2)
                                }
                                Err(e) => raise(cx, e),
                            }
                        }
                    }
                }
                // `for a, b in ...`: the next instruction unpacks the item
                // into consecutive registers; write them directly, without
                // the tuple.
                let is_enum = builtin_of(ty) == Some(Ty::Enumerate);
                let arity = if is_enum { 2 } else { peeks.len() as u32 };
                let fused = match cx.data.ops.get(pc as usize + 2) {
                    Some(Op::Unpack(s, ud, n, NONE)) if *s == d && *n == arity => Some(*ud),
                    _ => None,
                };
                if let Some(ud) = fused {
                    if is_enum {
                        let count = m.get_field(it, 2);
                        if m.tag(count) == Tag::Int {
                            let one = int(m, 1);
                            if let Some(next) = m.int_ovf(OvfOp::Add, count, one) {
                                w(m, fr, ud, count);
                                w(m, fr, ud + 1, peeks[0].value);
                                m.set_field(it, 2, next);
                                let p = &peeks[0];
                                m.set_field(p.iter, p.field, p.next);
                                return Flow::Jump(pc + 3);
                            }
                        }
                    } else {
                        for (i, p) in peeks.iter().enumerate() {
                            w(m, fr, ud + i as u32, p.value);
                        }
                        for p in &peeks {
                            m.set_field(p.iter, p.field, p.next);
                        }
                        return Flow::Jump(pc + 3);
                    }
                }
                let t = m.konst(rt.ty(Ty::Tuple));
                let value = if builtin_of(ty) == Some(Ty::Enumerate) {
                    let count = m.get_field(it, 2);
                    if m.tag(count) != Tag::Int {
                        return match hcall(cx, m, &H_ITERNEXT, &[it]) {
                            Ok(v) => {
                                w(m, fr, d, v);
                                Flow::Jump(pc + 2)
                            }
                            Err(e) => raise(cx, e),
                        };
                    }
                    let one = int(m, 1);
                    let next = match m.int_ovf(OvfOp::Add, count, one) {
                        Some(x) => x,
                        None => {
                            return raise_new(cx, m, Ty::OverflowError, "enumerate count overflow")
                        }
                    };
                    let two = int(m, 2);
                    let tup = m.new_record(t, &[t, two, count, peeks[0].value]);
                    m.set_field(it, 2, next);
                    tup
                } else {
                    let mut fields = vec![t, int(m, peeks.len() as i64)];
                    fields.extend(peeks.iter().map(|p| p.value));
                    m.new_record(t, &fields)
                };
                for p in &peeks {
                    m.set_field(p.iter, p.field, p.next);
                }
                w(m, fr, d, value);
                Flow::Jump(pc + 2)
            }
            _ => match hcall(cx, m, &H_ITERNEXT, &[it]) {
                Ok(v) => {
                    if m.tag(v) == Tag::Absent {
                        return Flow::Jump(exit);
                    }
                    w(m, fr, d, v);
                    Flow::Jump(pc + 2)
                }
                Err(e) => raise(cx, e),
            },
        },
        Err(KIND_GEN) => {
            let none = m.konst(Value::None);
            resume_gen(cx, m, fr, pc, it, none, 0, d, pc + 1, Some(exit))
        }
        Err(_) => raise_new(cx, m, Ty::TypeError, "'function' object is not an iterator"),
    }
}

/// The next item of a native iterator without advancing it.
struct Peek<V> {
    value: V,
    iter: V,
    field: u32,
    next: V,
}

/// `Some(Some(peek))`: an item; `Some(None)`: exhausted; `None`: not a native iterator.
fn peek_native<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    it: M::V,
) -> Option<Option<Peek<M::V>>> {
    if m.tag(it) != Tag::Record {
        return None;
    }
    let ty = record_type(m, it).ok()?;
    match builtin_of(ty)? {
        Ty::ListIter | Ty::SeqIter => {
            let l = m.get_field(it, 1);
            let i = m.get_field(it, 2);
            let n = m.list_len(l);
            let more = m.int_cmp(Cmp::Lt, i, n);
            if !m.truth(more) {
                return Some(None);
            }
            let value = m.list_get(l, i);
            let one = int(m, 1);
            let next = m.int(IntOp::Add, i, one);
            Some(Some(Peek {
                value,
                iter: it,
                field: 2,
                next,
            }))
        }
        Ty::TupleIter => {
            let t = m.get_field(it, 1);
            let i = m.get_field(it, 2);
            let n = m.get_field(t, TUP_LEN);
            let more = m.int_cmp(Cmp::Lt, i, n);
            if !m.truth(more) {
                return Some(None);
            }
            let value = hcall(cx, m, &H_TUPLE_GET, &[t, i]).ok()?;
            let one = int(m, 1);
            let next = m.int(IntOp::Add, i, one);
            Some(Some(Peek {
                value,
                iter: it,
                field: 2,
                next,
            }))
        }
        Ty::RangeIter => {
            let cur = m.get_field(it, 1);
            let stop = m.get_field(it, 2);
            let stp = m.get_field(it, 3);
            if m.tag(cur) != Tag::Int || m.tag(stop) != Tag::Int || m.tag(stp) != Tag::Int {
                return None;
            }
            let z = int(m, 0);
            let pos = m.int_cmp(Cmp::Gt, stp, z);
            let more = if m.truth(pos) {
                m.int_cmp(Cmp::Lt, cur, stop)
            } else {
                m.int_cmp(Cmp::Gt, cur, stop)
            };
            if !m.truth(more) {
                return Some(None);
            }
            let next = m.int_ovf(OvfOp::Add, cur, stp)?;
            Some(Some(Peek {
                value: cur,
                iter: it,
                field: 1,
                next,
            }))
        }
        _ => None,
    }
}

fn get_item<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    d: R,
    o: R,
    k: R,
) -> Flow<'gc, M::V> {
    let mut ov = r(m, fr, o);
    let kv = r(m, fr, k);
    let (mut to, tk) = (m.tag(ov), m.tag(kv));
    if to == Tag::Record && tk == Tag::Int {
        if let Some(slot) = plain_list_slot(cx, m, pc, ov, "__getitem__") {
            ov = slot;
            to = Tag::List;
        }
    }
    match (to, tk) {
        (Tag::List, Tag::Int) => {
            let n = m.list_len(ov);
            let z = int(m, 0);
            let neg = m.int_cmp(Cmp::Lt, kv, z);
            let i = if m.truth(neg) {
                m.int(IntOp::Add, kv, n)
            } else {
                kv
            };
            let ok_lo = m.int_cmp(Cmp::Ge, i, z);
            let ok_hi = m.int_cmp(Cmp::Lt, i, n);
            if !m.truth(ok_lo) || !m.truth(ok_hi) {
                return raise_new(cx, m, Ty::IndexError, "list index out of range");
            }
            let v = m.list_get(ov, i);
            w(m, fr, d, v);
            return Flow::Next;
        }
        (Tag::Dict, Tag::Str) | (Tag::Dict, Tag::Int) => {
            let v = m.dict_get(ov, kv);
            if m.tag(v) != Tag::Absent {
                w(m, fr, d, v);
                return Flow::Next;
            }
        }
        (Tag::List, Tag::Record) => {
            // A slice of ints: the slice record is read field by field, so
            // in a trace it need not be allocated.
            if let Some([a, b, c]) = int_slice(cx, m, kv) {
                return match hcall(cx, m, &H_LIST_SLICE, &[ov, a, b, c]) {
                    Ok(v) => {
                        w(m, fr, d, v);
                        Flow::Next
                    }
                    Err(e) => raise(cx, e),
                };
            }
        }
        _ => {}
    }
    match hcall(cx, m, &H_GETITEM, &[ov, kv]) {
        Err(Value::Absent) => fallback(cx, m, fr, "__getitem", vec![ov, kv], d, pc, pc + 1),
        Ok(v) => {
            w(m, fr, d, v);
            Flow::Next
        }
        Err(e) => raise(cx, e),
    }
}

fn set_item<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    o: R,
    k: R,
    v: R,
) -> Flow<'gc, M::V> {
    let ov = r(m, fr, o);
    let kv = r(m, fr, k);
    let vv = r(m, fr, v);
    let (to, tk) = (m.tag(ov), m.tag(kv));
    match (to, tk) {
        (Tag::List, Tag::Int) => {
            let n = m.list_len(ov);
            let z = int(m, 0);
            let neg = m.int_cmp(Cmp::Lt, kv, z);
            let i = if m.truth(neg) {
                m.int(IntOp::Add, kv, n)
            } else {
                kv
            };
            let ok_lo = m.int_cmp(Cmp::Ge, i, z);
            let ok_hi = m.int_cmp(Cmp::Lt, i, n);
            if !m.truth(ok_lo) || !m.truth(ok_hi) {
                return raise_new(cx, m, Ty::IndexError, "list assignment index out of range");
            }
            m.list_set(ov, i, vv);
            return Flow::Next;
        }
        (Tag::Dict, Tag::Str) => {
            m.dict_set(ov, kv, vv);
            return Flow::Next;
        }
        (Tag::Dict, Tag::Int) if not_bool_like(m, kv) && no_float_keys(cx, m) => {
            m.dict_set(ov, kv, vv);
            return Flow::Next;
        }
        (Tag::List, Tag::Record) if m.tag(vv) == Tag::List => {
            // `l[a:b] = other_list`: in place when the lengths match.
            if let Some([a, b, c]) = int_slice(cx, m, kv) {
                if m.tag(c) == Tag::None {
                    hcall(cx, m, &H_LIST_SET_SLICE, &[ov, a, b, vv])
                        .expect("list slice assignment without step cannot fail");
                    return Flow::Next;
                }
            }
        }
        _ => {}
    }
    match hcall(cx, m, &H_SETITEM, &[ov, kv, vv]) {
        Err(Value::Absent) => fallback(
            cx,
            m,
            fr,
            "__setitem",
            vec![ov, kv, vv],
            REG_DISCARD,
            pc,
            pc + 1,
        ),
        Ok(_) => Flow::Next,
        Err(e) => raise(cx, e),
    }
}

/// [`Op::SliceCopy`]: None when an operand is not what the copy handles
/// (nothing has happened then; the ordinary code follows).
fn slice_copy<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    b: R,
    deltas: [i32; 2],
) -> Option<Result<(), Value<'gc>>> {
    let src = r(m, fr, b);
    let x = r(m, fr, b + 4);
    if m.tag(src) != Tag::List || m.tag(x) != Tag::List {
        return None;
    }
    let mut args = [src; 7];
    args[0] = x;
    for i in 0..3 {
        let v = r(m, fr, b + 1 + i);
        match m.tag(v) {
            Tag::None => {}
            Tag::Int if i == 2 => {
                let z = int(m, 0);
                let zero = m.int_cmp(Cmp::Eq, v, z);
                if m.truth(zero) {
                    return None;
                }
            }
            Tag::Int => {}
            _ => return None,
        }
        args[4 + i as usize] = v;
    }
    for (i, d) in deltas.into_iter().enumerate() {
        let v = r(m, fr, b + 5 + i as u32);
        args[1 + i] = match m.tag(v) {
            Tag::None => v,
            Tag::Int if d == 0 => v,
            Tag::Int => {
                let dv = int(m, d as i64);
                m.int_ovf(OvfOp::Add, v, dv)?
            }
            _ => return None,
        };
    }
    Some(hcall(cx, m, &H_LIST_SLICE_COPY, &args).map(|_| ()))
}

/// The start, stop and step of `v` when it is a slice whose bounds are ints
/// or None (each tag guarded); None for anything else.
fn int_slice<'gc, M: Meta<'gc>>(cx: &Cx<'_, 'gc>, m: &mut M, v: M::V) -> Option<[M::V; 3]> {
    let ty = record_type(m, v).ok()?;
    if !ty.same(&cx.rtx(mc_of(m)).ty(Ty::Slice)) {
        return None;
    }
    let parts = [m.get_field(v, 1), m.get_field(v, 2), m.get_field(v, 3)];
    for p in parts {
        if !matches!(m.tag(p), Tag::Int | Tag::None) {
            return None;
        }
    }
    Some(parts)
}

/// Looks a (constant) name up along a (promoted) type's MRO.
///
/// While no class has been changed since its creation in a way that could
/// change a lookup's answer (the runtime's class epoch, see
/// [`crate::objects::class_changed`]), the answer is green: the trace guards
/// the epoch (one load and compare, shared by every lookup in the trace) and
/// uses the looked-up value as a constant, with no dict lookups at run time.
/// Once a class's `__dict__` has been handed out the epoch is None for good
/// and lookups are traced dict loads.
/// [`lookup_cached`] through the inline cache of instruction `pc`
/// ([`K_IC`]): the entry answers while the type and the class epoch (an
/// Int) are those it was filled at, so a hit is three list reads instead of
/// a hashed dict lookup. The list holds the type and the result, so they
/// stay alive while cached. One lookup per instruction is cached: every
/// caller passes the instruction's own attribute name.
fn lookup_ic<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    pc: u32,
    ty: Value<'gc>,
    key: Value<'gc>,
) -> Value<'gc> {
    class_ic(cx, mc, pc, ty, || lookup_cached(&cx.rtx(mc), ty, key))
}

/// The inline cache of instruction `pc` (see [`lookup_ic`]): `compute`'s
/// answer for the type `ty`, which must depend only on the type's (and its
/// bases') attributes.
fn class_ic<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    pc: u32,
    ty: Value<'gc>,
    compute: impl FnOnce() -> Value<'gc>,
) -> Value<'gc> {
    let ic = cx.k(K_IC);
    let epoch = field(cx.rt, RT_EPOCH);
    let i = IC_WIDTH * pc as i64;
    if let (Value::List(icl), Value::Int(_)) = (ic, epoch) {
        use crate::fastpath::{same, IC_CLASS_WAYS};
        let older = {
            let items = icl.borrow();
            // Way 0, then the others: sites that see several classes
            // (sibling subclasses) find each in its own way.
            for w in std::iter::once(0).chain(IC_CLASS_WAYS) {
                let e = &items[(i + w) as usize..(i + w) as usize + 3];
                if same(e[0], ty) && same(e[1], epoch) {
                    return e[2];
                }
            }
            let mut ways = [Value::None; 3 * IC_CLASS_WAYS.len()];
            // The ways shift by one on a miss: way 0 moves to the first
            // other way, the last one falls out.
            for (n, w) in std::iter::once(0)
                .chain(IC_CLASS_WAYS)
                .take(IC_CLASS_WAYS.len())
                .enumerate()
            {
                let w = (i + w) as usize;
                ways[3 * n..3 * n + 3].copy_from_slice(&items[w..w + 3]);
            }
            ways
        };
        let v = compute();
        if matches!(older[0], Value::Record(_)) {
            for (n, w) in IC_CLASS_WAYS.into_iter().enumerate() {
                for j in 0..3 {
                    heap::list_set(mc, ic, i + w + j as i64, older[3 * n + j]);
                }
            }
        }
        heap::list_set(mc, ic, i, ty);
        heap::list_set(mc, ic, i + 1, epoch);
        heap::list_set(mc, ic, i + 2, v);
        return v;
    }
    compute()
}

/// The green value of global `key` at `LoadGlobal` instruction `pc`, through
/// its inline cache ([`K_IC`] entries 0-2: Bool(true), globals epoch, value
/// for a green global; Bool(false) for a global last seen bound to data).
/// A green binding stays valid while the globals epoch is the Int it was
/// cached at (rebinding it bumps the epoch). None: read the global as data
/// (the caller's dict lookups, which also find a global that became green).
fn global_ic<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    pc: u32,
    key: Value<'gc>,
) -> Option<(Value<'gc>, bool)> {
    let ic = cx.k(K_IC);
    let gep = field(cx.rt, RT_GEPOCH);
    let i = IC_WIDTH * pc as i64;
    let cached = matches!(ic, Value::List(_));
    if cached {
        match heap::list_get(ic, i) {
            Value::Bool(true)
                if matches!(gep, Value::Int(_)) && heap::list_get(ic, i + 1).same(&gep) =>
            {
                return Some((heap::list_get(ic, i + 2), true));
            }
            Value::Bool(false) => return None,
            _ => {}
        }
    }
    let mut found = dget(cx.k(K_GLOBALS), key);
    if matches!(found, Value::Absent) {
        found = dget(cx.rtx(mc).builtins(), key);
    }
    let green = is_green_binding(cx.rt, key, found);
    if cached {
        if green {
            if matches!(gep, Value::Int(_)) {
                heap::list_set(mc, ic, i, Value::Bool(true));
                heap::list_set(mc, ic, i + 1, gep);
                heap::list_set(mc, ic, i + 2, found);
            }
        } else if !matches!(found, Value::Absent) {
            heap::list_set(mc, ic, i, Value::Bool(false));
        }
    }
    Some((found, green))
}

/// `lookup(ty, name)` for a decision the interpreter takes on the class
/// (which special method to call): while the class epoch is an Int the
/// trace guards it and the answer is a constant; once the epoch is given up
/// (see [`RT_EPOCH`]) the trace reads the class dicts along the MRO and
/// guards on what it finds.
fn class_const<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    ty: Value<'gc>,
    name: &str,
) -> Value<'gc> {
    let rt = cx.rtx(mc_of(m));
    let rtv = m.konst(cx.rt);
    let epoch = m.get_field(rtv, RT_EPOCH);
    if let Value::Int(_) = m.promote(epoch) {
        return lookup(&rt, ty, name);
    }
    let key = m.konst(name_key(&rt, name));
    for c in mro(ty) {
        let d = m.konst(field(c, T_DICT));
        let v = m.dict_get(d, key);
        if m.tag(v) != Tag::Absent {
            return m.promote(v);
        }
    }
    Value::Absent
}

fn mro_lookup<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    pc: u32,
    ty: Value<'gc>,
    key: M::V,
) -> Option<M::V> {
    let rtv = m.konst(cx.rt);
    let epoch = m.get_field(rtv, RT_EPOCH);
    if let Value::Int(_) = m.promote(epoch) {
        return match lookup_ic(cx, mc_of(m), pc, ty, m.get(key)) {
            Value::Absent => None,
            v => Some(m.konst(v)),
        };
    }
    for c in mro(ty) {
        let d = m.konst(field(c, T_DICT));
        let v = m.dict_get(d, key);
        if m.tag(v) != Tag::Absent {
            return Some(v);
        }
    }
    None
}

/// `shapes::map_slot(map, key)` through the inline cache of instruction
/// `pc` ([`K_IC`] entry 3: the slot the name had last time). The guess is
/// checked against the map (one compare), so it serves every map that has
/// the name at that index: the instances of sibling classes whose shared
/// `__init__` set it in the same order, as well as one class.
fn map_slot_ic<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    pc: u32,
    map: Value<'gc>,
    key: Value<'gc>,
) -> Option<usize> {
    let ic = cx.k(K_IC);
    let Value::List(icl) = ic else {
        return shapes::map_slot(map, key);
    };
    let i = (IC_WIDTH * pc as i64 + 3) as usize;
    let guess = icl.borrow()[i];
    if let Value::Int(g) = guess {
        if shapes::map_has_at(map, key, g as usize) {
            return Some(g as usize);
        }
    }
    let slot = shapes::map_slot(map, key);
    if let Some(s) = slot {
        heap::list_set(mc, ic, i as i64, Value::Int(s as i64));
    }
    slot
}

/// For the plain interpreter's shortcuts (`fastpath`): the field that holds
/// instance attribute `key` of `o` (in map mode, in an inline slot), cached
/// at `pc` with `o`'s map.
fn remember_inline_attr<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    pc: u32,
    o: Value<'gc>,
    key: Value<'gc>,
) {
    let map = field(o, I_MAP);
    if !matches!(map, Value::Record(_)) {
        return;
    }
    if let Some(i) = map_slot_ic(cx, mc, pc, map, key) {
        if i < shapes::map_inline(map) {
            crate::fastpath::remember_attr(cx, mc, pc, map, Value::Int((I_COUNT + i) as i64));
        }
    }
}

/// The attribute `key` of the instance `ov` itself (not its class). In map
/// mode the trace guards the map and reads an inline field, or the value
/// list, at a constant index; in dict mode it is a dict lookup.
fn inst_attr<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    pc: u32,
    ov: M::V,
    key: M::V,
) -> Option<M::V> {
    let mapv = m.get_field(ov, I_MAP);
    let map = m.promote(mapv);
    if let Value::Record(_) = map {
        let i = map_slot_ic(cx, mc_of(m), pc, map, m.get(key))?;
        let k = shapes::map_inline(map);
        if i < k {
            return Some(m.get_field(ov, (I_COUNT + i) as u32));
        }
        let vals = m.get_field(ov, I_VALS);
        let iv = int(m, (i - k) as i64);
        return Some(m.list_get(vals, iv));
    }
    let dict = m.get_field(ov, I_DICT);
    let v = m.dict_get(dict, key);
    if m.tag(v) != Tag::Absent {
        Some(v)
    } else {
        None
    }
}

/// Stores the instance attribute `key` of `ov` (no property or
/// `__setattr__` in the way); false when the instance must leave map mode,
/// which the generic helper does.
fn set_inst_attr<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    pc: u32,
    ov: M::V,
    key: M::V,
    vv: M::V,
) -> bool {
    let mapv = m.get_field(ov, I_MAP);
    let map = m.promote(mapv);
    if let Value::Record(_) = map {
        let k = m.get(key);
        let inline = shapes::map_inline(map);
        if let Some(i) = map_slot_ic(cx, mc_of(m), pc, map, k) {
            if i < inline {
                m.set_field(ov, (I_COUNT + i) as u32, vv);
            } else {
                let vals = m.get_field(ov, I_VALS);
                let iv = int(m, (i - inline) as i64);
                m.list_set(vals, iv, vv);
            }
            return true;
        }
        // A new attribute: the next map is found (or made) now, so the trace
        // has it as a constant.
        let Some(child) = shapes::map_add(&cx.rtx(mc_of(m)), map, k) else {
            return false;
        };
        let i = shapes::map_len(map);
        if i < inline {
            m.set_field(ov, (I_COUNT + i) as u32, vv);
        } else if i == inline {
            // The first value beyond the inline slots: the list starts now.
            let vals = m.new_list();
            m.list_append(vals, vv);
            m.set_field(ov, I_VALS, vals);
        } else {
            let vals = m.get_field(ov, I_VALS);
            m.list_append(vals, vv);
        }
        let cv = m.konst(child);
        m.set_field(ov, I_MAP, cv);
        return true;
    }
    let dict = m.get_field(ov, I_DICT);
    m.dict_set(dict, key, vv);
    true
}

#[allow(clippy::too_many_arguments)]
fn get_attr<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    d: R,
    o: R,
    k: K,
    resume: u32,
) -> Flow<'gc, M::V> {
    let ov = r(m, fr, o);
    let key = m.konst(cx.k(k));
    let name = cx.name(k);
    if m.tag(ov) == Tag::Record {
        if let Ok(ty) = record_type(m, ov) {
            match builtin_of(ty) {
                Some(kd) if is_instance_kind(kd) => {
                    let rt = cx.rtx(mc_of(m));
                    if name == "__class__" {
                        // A data descriptor on object: before the instance dict.
                        let tv = m.konst(ty);
                        w(m, fr, d, tv);
                        return Flow::Next;
                    }
                    // CPython's order: a data descriptor (property) on the
                    // class, then the instance's own attribute, then the
                    // class attribute. The class lookup is green behind the
                    // class epoch, so it costs traces nothing per read; the
                    // plain interpreter skips it while no property exists.
                    let no_props =
                        is_plain::<M>() && !matches!(field(cx.rt, RT_PROPS), Value::Bool(true));
                    if no_props {
                        if let Some(v) = inst_attr(cx, m, pc, ov, key) {
                            remember_inline_attr(cx, mc_of(m), pc, m.get(ov), m.get(key));
                            w(m, fr, d, v);
                            return Flow::Next;
                        }
                    }
                    let cattr = mro_lookup(cx, m, pc, ty, key);
                    let ckind = cattr.map(|v| kind_of(&rt, m.get(v)));
                    if ckind != Some(Ty::Property) && !no_props {
                        if let Some(v) = inst_attr(cx, m, pc, ov, key) {
                            w(m, fr, d, v);
                            return Flow::Next;
                        }
                    }
                    if let (Some(v), Some(ck)) = (cattr, ckind) {
                        match ck {
                            Ty::Function => {
                                let mt = m.konst(rt.ty(Ty::Method));
                                let bm = m.new_record(mt, &[mt, v, ov]);
                                w(m, fr, d, bm);
                                return Flow::Next;
                            }
                            Ty::Property => {
                                let fget = wrapped(m, v);
                                if let Value::None = m.get(fget) {
                                    return raise_new(
                                        cx,
                                        m,
                                        Ty::AttributeError,
                                        &crate::builtins::property_error(m.get(v), ty, "getter"),
                                    );
                                }
                                return call_value(
                                    cx,
                                    m,
                                    fr,
                                    fget,
                                    vec![ov],
                                    vec![],
                                    vec![],
                                    d,
                                    pc,
                                    resume,
                                );
                            }
                            Ty::StaticMethod => {
                                let f = wrapped(m, v);
                                w(m, fr, d, f);
                                return Flow::Next;
                            }
                            Ty::ClassMethod => {
                                let f = wrapped(m, v);
                                let mt = m.konst(rt.ty(Ty::Method));
                                let tyv = m.konst(ty);
                                let bm = m.new_record(mt, &[mt, f, tyv]);
                                w(m, fr, d, bm);
                                return Flow::Next;
                            }
                            _ => {
                                w(m, fr, d, v);
                                return Flow::Next;
                            }
                        }
                    }
                    let ga = class_const(cx, m, ty, "__getattr__");
                    if is_py_function(ga) {
                        let f = m.konst(ga);
                        return call_value(
                            cx,
                            m,
                            fr,
                            f,
                            vec![ov, key],
                            vec![],
                            vec![],
                            d,
                            pc,
                            resume,
                        );
                    }
                }
                Some(Ty::Module) => {
                    let dict = m.get_field(ov, 1);
                    let v = m.dict_get(dict, key);
                    if m.tag(v) != Tag::Absent {
                        w(m, fr, d, v);
                        return Flow::Next;
                    }
                }
                // A class attribute (`Direction.FORWARD`, `Cls.method`): the
                // class is promoted, so behind the class epoch the attribute
                // is a constant. Dunder names are left to the helper, which
                // knows the type's special attributes (`__name__`, `__mro__`...).
                Some(Ty::Type) if !name.starts_with("__") => {
                    let tv = ov_promoted(m, ov);
                    if let Some(v) = mro_lookup(cx, m, pc, tv, key) {
                        let rt = cx.rtx(mc_of(m));
                        let res = match kind_of(&rt, m.get(v)) {
                            Ty::StaticMethod => wrapped(m, v),
                            Ty::ClassMethod => {
                                let f = wrapped(m, v);
                                let mt = m.konst(rt.ty(Ty::Method));
                                m.new_record(mt, &[mt, f, ov])
                            }
                            _ => v,
                        };
                        w(m, fr, d, res);
                        return Flow::Next;
                    }
                }
                _ => {}
            }
        }
    }
    match hcall(cx, m, &H_GETATTR, &[ov, key]) {
        Err(Value::Absent) => fallback(cx, m, fr, "__getattr", vec![ov, key], d, pc, resume),
        Ok(v) => {
            w(m, fr, d, v);
            Flow::Jump(resume)
        }
        Err(e) => raise(cx, e),
    }
}

fn set_attr<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    o: R,
    k: K,
    v: R,
) -> Flow<'gc, M::V> {
    let ov = r(m, fr, o);
    let vv = r(m, fr, v);
    let key = m.konst(cx.k(k));
    if m.tag(ov) == Tag::Record {
        if let Ok(ty) = record_type(m, ov) {
            if let Some(kd) = builtin_of(ty) {
                if is_instance_kind(kd) {
                    // Properties and __setattr__ are looked up on the (promoted) type.
                    // The decision below depends on the class attributes:
                    // traces guard the class epoch.
                    let rtv = m.konst(cx.rt);
                    let epoch = m.get_field(rtv, RT_EPOCH);
                    // Without an epoch to guard, the decision is not green:
                    // the helper takes it each time.
                    let epoch_ok = matches!(m.promote(epoch), Value::Int(_));
                    let mc = mc_of(m);
                    let rt = cx.rtx(mc);
                    let plain = class_ic(cx, mc, pc, ty, || {
                        let cattr = lookup_cached(&rt, ty, cx.k(k));
                        let sa = lookup(&rt, ty, "__setattr__");
                        Value::Bool(
                            kind_of(&rt, cattr) != Ty::Property
                                && !is_py_function(sa)
                                && !ty.same(&rt.ty(Ty::Object))
                                && slots_refuse(&rt, ty, cx.k(k)).is_none(),
                        )
                    });
                    if epoch_ok
                        && matches!(plain, Value::Bool(true))
                        && set_inst_attr(cx, m, pc, ov, key, vv)
                    {
                        if is_plain::<M>() {
                            remember_inline_attr(cx, mc, pc, m.get(ov), m.get(key));
                        }
                        return Flow::Next;
                    }
                }
            }
        }
    }
    match hcall(cx, m, &H_SETATTR, &[ov, key, vv]) {
        Err(Value::Absent) => fallback(
            cx,
            m,
            fr,
            "__setattr",
            vec![ov, key, vv],
            REG_DISCARD,
            pc,
            pc + 1,
        ),
        Ok(_) => Flow::Next,
        Err(e) => raise(cx, e),
    }
}

#[allow(clippy::too_many_arguments)]
fn unpack<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    s: R,
    d: R,
    before: u32,
    after: u32,
) -> Flow<'gc, M::V> {
    let v = r(m, fr, s);
    if after == NONE {
        let n = before;
        match m.tag(v) {
            Tag::Record => {
                if let Ok(ty) = record_type(m, v) {
                    if builtin_of(ty) == Some(Ty::Tuple) {
                        let len = m.get_field(v, TUP_LEN);
                        let nv = int(m, n as i64);
                        let ok = m.int_cmp(Cmp::Eq, len, nv);
                        if m.truth(ok) {
                            // `v` is held here, so writing the targets
                            // (registers only) as the items are read is safe.
                            for i in 0..n {
                                let x = m.get_field(v, TUP_ITEMS + i);
                                w(m, fr, d + i, x);
                            }
                            return Flow::Next;
                        }
                    }
                }
            }
            Tag::List => {
                let len = m.list_len(v);
                let nv = int(m, n as i64);
                let ok = m.int_cmp(Cmp::Eq, len, nv);
                if m.truth(ok) {
                    for i in 0..n {
                        let iv = int(m, i as i64);
                        let x = m.list_get(v, iv);
                        w(m, fr, d + i, x);
                    }
                    return Flow::Next;
                }
            }
            _ => {}
        }
    }
    let total = if after == NONE {
        before
    } else {
        before + after + 1
    };
    let tuple = if let Some(res) = reentry(m, fr, pc) {
        res
    } else {
        let b = int(m, before as i64);
        let a = int(m, if after == NONE { -1 } else { after as i64 });
        match hcall(cx, m, &H_UNPACK, &[v, b, a]) {
            Err(Value::Absent) => {
                return fallback_reenter(cx, m, fr, "__unpack", vec![v, b, a], pc)
            }
            Ok(t) => t,
            Err(e) => return raise(cx, e),
        }
    };
    let items: Vec<M::V> = (0..total)
        .map(|i| m.get_field(tuple, TUP_ITEMS + i))
        .collect();
    for (i, x) in items.into_iter().enumerate() {
        w(m, fr, d + i as u32, x);
    }
    Flow::Next
}

fn do_raise<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    e: R,
    c: R,
) -> Flow<'gc, M::V> {
    if e == NONE {
        return raise_new(cx, m, Ty::RuntimeError, "No active exception to reraise");
    }
    let ev = match reentry(m, fr, pc) {
        Some(inst) => inst,
        None => {
            let ev = r(m, fr, e);
            let rt = cx.rtx(mc_of(m));
            let v = m.get(ev);
            if is_type(v) {
                if !is_exception_type(&rt, v) {
                    return raise_new(
                        cx,
                        m,
                        Ty::TypeError,
                        "exceptions must derive from BaseException",
                    );
                }
                // Instantiate the class, then come back.
                let p = int(m, pc as i64);
                w(m, fr, REG_RESUME, p);
                let cls = m.konst(v);
                return call_value(cx, m, fr, cls, vec![], vec![], vec![], REG_SCRATCH, pc, pc);
            }
            ev
        }
    };
    let cause = if c == NONE {
        m.konst(Value::Absent)
    } else {
        r(m, fr, c)
    };
    match hcall(cx, m, &H_RAISE_PREP, &[ev, cause]) {
        Ok(x) => {
            let x = m.get(x);
            raise(cx, x)
        }
        Err(err) => raise(cx, err),
    }
}

#[allow(clippy::too_many_arguments)]
fn call_method<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    d: R,
    o: R,
    k: K,
    a: R,
    npos: u32,
    kwk: K,
) -> Flow<'gc, M::V> {
    let ov = r(m, fr, o);
    let name = cx.name(k);
    let key = m.konst(cx.k(k));
    let mut pos = call_args(m, fr, a, npos);
    let (kwn, kwv) = kw_args(cx, m, fr, a + npos, kwk);
    let rt = cx.rtx(mc_of(m));
    match m.tag(ov) {
        Tag::List if kwk == NONE => {
            if let Some(v) = fast_list_method(cx, m, ov, name, &pos) {
                w(m, fr, d, v);
                return Flow::Next;
            }
        }
        Tag::Record => match record_type(m, ov) {
            Ok(ty) => match builtin_of(ty) {
                Some(kd) if is_instance_kind(kd) => {
                    // As in `get_attr`: a property wins over the instance
                    // attribute (the generic path below calls its getter).
                    let no_props =
                        is_plain::<M>() && !matches!(field(cx.rt, RT_PROPS), Value::Bool(true));
                    if no_props && !crate::fastpath::known_miss(cx, m.get(ov), pc) {
                        if let Some(v) = inst_attr(cx, m, pc, ov, key) {
                            return call_value(cx, m, fr, v, pos, kwn, kwv, d, pc, pc + 1);
                        }
                        if let map @ Value::Record(_) = field(m.get(ov), I_MAP) {
                            // Instances with this map never have the name.
                            crate::fastpath::remember_attr(
                                cx,
                                mc_of(m),
                                pc,
                                map,
                                Value::Bool(false),
                            );
                        }
                    }
                    let cattr = mro_lookup(cx, m, pc, ty, key);
                    if let (true, Some(v)) = (no_props, cattr) {
                        // The usual method call, decided without `kind_of`.
                        if is_py_function(m.get(v)) {
                            pos.insert(0, ov);
                            return call_value(cx, m, fr, v, pos, kwn, kwv, d, pc, pc + 1);
                        }
                    }
                    let ckind = cattr.map(|v| kind_of(&rt, m.get(v)));
                    if ckind != Some(Ty::Property) && !no_props {
                        if let Some(v) = inst_attr(cx, m, pc, ov, key) {
                            return call_value(cx, m, fr, v, pos, kwn, kwv, d, pc, pc + 1);
                        }
                    }
                    if let (Some(v), Some(ck)) = (cattr, ckind) {
                        match ck {
                            Ty::Function => {
                                pos.insert(0, ov);
                                return call_value(cx, m, fr, v, pos, kwn, kwv, d, pc, pc + 1);
                            }
                            Ty::StaticMethod => {
                                let f = wrapped(m, v);
                                return call_value(cx, m, fr, f, pos, kwn, kwv, d, pc, pc + 1);
                            }
                            Ty::ClassMethod => {
                                let f = wrapped(m, v);
                                pos.insert(0, m.konst(ty));
                                return call_value(cx, m, fr, f, pos, kwn, kwv, d, pc, pc + 1);
                            }
                            Ty::BuiltinFunction => {
                                pos.insert(0, ov);
                                return call_value(cx, m, fr, v, pos, kwn, kwv, d, pc, pc + 1);
                            }
                            _ => {}
                        }
                    }
                    if let (Some(_), Some(nk)) = (native_slot(m.get(ov)), native_base(ty)) {
                        if nk == Ty::List && kwk == NONE {
                            // No Python override (the class lookup above found none).
                            let slot = m.get_field(ov, I_SLOT1);
                            if m.tag(slot) == Tag::List {
                                if let Some(v) = fast_list_method(cx, m, slot, name, &pos) {
                                    w(m, fr, d, v);
                                    return Flow::Next;
                                }
                            }
                        }
                        if crate::builtins::methods::has_method(nk, name) {
                            let slot = m.get_field(ov, I_SLOT1);
                            let mut args = vec![
                                key,
                                m.konst(if kwk == NONE { Value::None } else { cx.k(kwk) }),
                                slot,
                            ];
                            args.extend(pos.iter().copied());
                            args.extend(kwv.iter().copied());
                            return match hcall(cx, m, &H_METHOD, &args) {
                                Err(Value::Absent) => {
                                    let fname = format!("__m_{}_{}", nk.name(), name);
                                    let f = rt.prelude(&fname);
                                    let fv = m.konst(f);
                                    pos.insert(0, slot);
                                    call_value(cx, m, fr, fv, pos, kwn, kwv, d, pc, pc + 1)
                                }
                                Ok(v) => {
                                    w(m, fr, d, v);
                                    Flow::Next
                                }
                                Err(e) => raise(cx, e),
                            };
                        }
                    }
                }
                Some(Ty::Module) => {
                    let dict = m.get_field(ov, 1);
                    let v = m.dict_get(dict, key);
                    if m.tag(v) != Tag::Absent {
                        return call_value(cx, m, fr, v, pos, kwn, kwv, d, pc, pc + 1);
                    }
                }
                Some(Ty::Type) => {
                    let ovp = ov_promoted(m, ov);
                    if let Some(v) = mro_lookup(cx, m, pc, ovp, key) {
                        let cv = m.get(v);
                        let tyv = m.get(ov);
                        match kind_of(&rt, cv) {
                            Ty::Function | Ty::BuiltinFunction => {
                                return call_value(cx, m, fr, v, pos, kwn, kwv, d, pc, pc + 1);
                            }
                            Ty::StaticMethod => {
                                let f = wrapped(m, v);
                                return call_value(cx, m, fr, f, pos, kwn, kwv, d, pc, pc + 1);
                            }
                            Ty::ClassMethod => {
                                let f = wrapped(m, v);
                                pos.insert(0, m.konst(tyv));
                                return call_value(cx, m, fr, f, pos, kwn, kwv, d, pc, pc + 1);
                            }
                            _ => {}
                        }
                    }
                }
                Some(Ty::Super) => {
                    let start = m.get_field(ov, 1);
                    let start = m.promote(start);
                    let obj = m.get_field(ov, 2);
                    // The MRO searched depends on the object's type (or on
                    // the class itself): the trace guards it.
                    // super(C, D) with D a subclass of C searches D's MRO and
                    // binds nothing; any other object (a class too, under a
                    // metaclass) is an instance of its type.
                    let mut obj_is_sub = false;
                    let objty = match m.tag(obj) {
                        Tag::Record => match record_type(m, obj) {
                            Ok(t) if builtin_of(t) == Some(Ty::Type) => {
                                let c = m.promote(obj);
                                obj_is_sub = is_subtype(c, start);
                                if obj_is_sub {
                                    c
                                } else {
                                    t
                                }
                            }
                            Ok(t) => t,
                            Err(_) => type_of(&rt, m.get(obj)),
                        },
                        _ => type_of(&rt, m.get(obj)),
                    };
                    let objv = m.get(obj);
                    let chain = mro(objty);
                    let idx = chain
                        .iter()
                        .position(|c| c.same(&start))
                        .map(|i| i + 1)
                        .unwrap_or(chain.len());
                    if name == "__init__"
                        && native_slot(objv).is_some()
                        && (!pos.is_empty() || !kwn.is_empty())
                    {
                        let mut args = vec![obj];
                        args.extend(pos);
                        let f = m.konst(rt.prelude("__native_init"));
                        return call_value(cx, m, fr, f, args, kwn, kwv, d, pc, pc + 1);
                    }
                    // Behind the class epoch the lookup along the MRO is
                    // green, as `mro_lookup`'s.
                    let rtv = m.konst(cx.rt);
                    let epoch = m.get_field(rtv, RT_EPOCH);
                    let green = matches!(m.promote(epoch), Value::Int(_));
                    for c in &chain[idx..] {
                        let v = if green {
                            match dget(field(*c, T_DICT), m.get(key)) {
                                Value::Absent => continue,
                                found => m.konst(found),
                            }
                        } else {
                            let dv = m.konst(field(*c, T_DICT));
                            let v = m.dict_get(dv, key);
                            if m.tag(v) == Tag::Absent {
                                continue;
                            }
                            v
                        };
                        {
                            let cv = m.get(v);
                            if name == "__init__"
                                && c.same(&rt.ty(Ty::Object))
                                && pos.is_empty()
                                && kwn.is_empty()
                                && !is_exception_type(&rt, objty)
                            {
                                // `object.__init__(self)` does nothing.
                                let none = m.konst(Value::None);
                                w(m, fr, d, none);
                                return Flow::Next;
                            }
                            match kind_of(&rt, cv) {
                                Ty::Function | Ty::BuiltinFunction => {
                                    if !obj_is_sub {
                                        pos.insert(0, obj);
                                    }
                                    return call_value(cx, m, fr, v, pos, kwn, kwv, d, pc, pc + 1);
                                }
                                Ty::ClassMethod => {
                                    let f = wrapped(m, v);
                                    let t = if obj_is_sub { obj } else { m.konst(objty) };
                                    pos.insert(0, t);
                                    return call_value(cx, m, fr, f, pos, kwn, kwv, d, pc, pc + 1);
                                }
                                Ty::StaticMethod => {
                                    let f = wrapped(m, v);
                                    return call_value(cx, m, fr, f, pos, kwn, kwv, d, pc, pc + 1);
                                }
                                _ => {
                                    return call_value(cx, m, fr, v, pos, kwn, kwv, d, pc, pc + 1);
                                }
                            }
                        }
                    }
                    if let Some(n) = native_slot(objv) {
                        let nk = native_base(objty).unwrap_or(Ty::List);
                        if crate::builtins::methods::has_method(nk, name) {
                            let slot = m.konst(n);
                            let mut args = vec![
                                key,
                                m.konst(if kwk == NONE { Value::None } else { cx.k(kwk) }),
                                slot,
                            ];
                            args.extend(pos.iter().copied());
                            args.extend(kwv.iter().copied());
                            return match hcall(cx, m, &H_METHOD, &args) {
                                Ok(v) => {
                                    w(m, fr, d, v);
                                    Flow::Next
                                }
                                Err(e) => raise(cx, e),
                            };
                        }
                    }
                    if name == "__init__" || name == "__init_subclass__" {
                        // object.__init__ / BaseException.__init__.
                        if is_exception_type(&rt, objty) && name == "__init__" {
                            let vals: Vec<Value<'gc>> = pos.iter().map(|p| m.get(*p)).collect();
                            let t = rt.tuple(&vals);
                            heap::set_field(rt.mc, objv, I_SLOT2, t);
                        }
                        let none = m.konst(Value::None);
                        w(m, fr, d, none);
                        return Flow::Next;
                    }
                }
                _ => {}
            },
            Err(KIND_GEN) => match name {
                "throw" => {
                    let st = m.get_field(ov, G_STATE);
                    let st = int_of(m.promote(st));
                    let e = if pos.is_empty() {
                        m.konst(Value::None)
                    } else {
                        pos[0]
                    };
                    if st == GEN_SUSPENDED {
                        return resume_gen(cx, m, fr, pc, ov, e, 2, d, pc + 1, None);
                    }
                    let done = int(m, GEN_DONE);
                    m.set_field(ov, G_STATE, done);
                    let ev = m.get(e);
                    let rt2 = cx.rtx(mc_of(m));
                    let ev = if is_type(ev) {
                        rt2.exc_args(ev, rt2.tuple(&[]))
                    } else {
                        ev
                    };
                    return raise(cx, ev);
                }
                "close" => {
                    let st = m.get_field(ov, G_STATE);
                    let st = int_of(m.promote(st));
                    if st == GEN_SUSPENDED {
                        let f = m.konst(rt.prelude("__gen_close"));
                        return call_value(cx, m, fr, f, vec![ov], vec![], vec![], d, pc, pc + 1);
                    }
                    let done = int(m, GEN_DONE);
                    m.set_field(ov, G_STATE, done);
                    let none = m.konst(Value::None);
                    w(m, fr, d, none);
                    return Flow::Next;
                }
                "__next__" | "send" => {
                    let sent = if name == "send" && !pos.is_empty() {
                        pos[0]
                    } else {
                        m.konst(Value::None)
                    };
                    return resume_gen(cx, m, fr, pc, ov, sent, 1, d, pc + 1, None);
                }
                _ => {}
            },
            Err(_) => {}
        },
        _ => {}
    }
    // Everything else: native methods in Rust, or getattr-then-call.
    let native = {
        let k = kind_of(&rt, m.get(ov));
        crate::builtins::methods::has_method(k, name)
    };
    if native {
        let mut args = vec![
            key,
            m.konst(if kwk == NONE { Value::None } else { cx.k(kwk) }),
            ov,
        ];
        args.extend(pos.iter().copied());
        args.extend(kwv.iter().copied());
        return match hcall(cx, m, &H_METHOD, &args) {
            Err(Value::Absent) => {
                // The method needs Python code: the prelude's `__m_<type>_<name>`.
                let tname = type_name_of(&rt, m.get(ov));
                let fname = format!("__m_{}_{}", tname, name);
                let f = rt.prelude(&fname);
                if matches!(f, Value::Absent) {
                    return raise_new(
                        cx,
                        m,
                        Ty::TypeError,
                        &format!("{}.{}() with these arguments is not supported", tname, name),
                    );
                }
                let fv = m.konst(f);
                pos.insert(0, ov);
                call_value(cx, m, fr, fv, pos, kwn, kwv, d, pc, pc + 1)
            }
            Ok(v) => {
                w(m, fr, d, v);
                Flow::Next
            }
            Err(e) => raise(cx, e),
        };
    }
    // Generic: fetch the attribute into the scratch register, then call it.
    if let Some(f) = reentry(m, fr, pc) {
        return call_value(cx, m, fr, f, pos, kwn, kwv, d, pc, pc + 1);
    }
    let p = int(m, pc as i64);
    w(m, fr, REG_RESUME, p);
    let flow = get_attr(cx, m, fr, pc, REG_SCRATCH, o, k, pc);
    match flow {
        Flow::Next => Flow::Jump(pc),
        other => other,
    }
}

/// The list inside `v` when `v` is an instance of a list subclass that does
/// not define `dunder` in Python (looked up behind the class epoch).
fn plain_list_slot<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    pc: u32,
    v: M::V,
    dunder: &str,
) -> Option<M::V> {
    let ty = record_type(m, v).ok()?;
    if !builtin_of(ty).is_some_and(is_instance_kind) || native_base(ty) != Some(Ty::List) {
        return None;
    }
    let rtv = m.konst(cx.rt);
    let epoch = m.get_field(rtv, RT_EPOCH);
    if !matches!(m.promote(epoch), Value::Int(_)) {
        return None;
    }
    let rt = cx.rtx(mc_of(m));
    let overridden = || is_py_function(lookup(&rt, ty, dunder));
    // The plain interpreter caches the answer per class at the instruction
    // (`GetItem`, or the `Call` of `len`; both use the dunder named here
    // only; another answer found there, such as `instantiate`'s, is no hit).
    let cacheable = is_plain::<M>()
        && matches!(
            cx.data.ops.get(pc as usize),
            Some(Op::GetItem(..) | Op::Call(..))
        );
    if cacheable {
        let plain = class_ic(cx, rt.mc, pc, ty, || {
            if overridden() {
                Value::Bool(false)
            } else {
                Value::Int(crate::fastpath::IC_LIST_SLOT)
            }
        });
        if !matches!(plain, Value::Int(crate::fastpath::IC_LIST_SLOT)) {
            return None;
        }
    } else if overridden() {
        return None;
    }
    let slot = m.get_field(v, I_SLOT1);
    if m.tag(slot) == Tag::List {
        Some(slot)
    } else {
        None
    }
}

/// `list.append(x)` and `list.pop()` on a list, inline; None: the generic path.
fn fast_list_method<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    l: M::V,
    name: &str,
    pos: &[M::V],
) -> Option<M::V> {
    match (name, pos.len()) {
        ("pop", 1) if m.tag(pos[0]) == Tag::Int => {
            // `pop(i)`: the index is checked here (decisions first), the
            // helper then moves the items without raising.
            let n = m.list_len(l);
            let z = int(m, 0);
            let neg = m.int_cmp(Cmp::Lt, pos[0], z);
            let i = if m.truth(neg) {
                m.int(IntOp::Add, pos[0], n)
            } else {
                pos[0]
            };
            let ok_lo = m.int_cmp(Cmp::Ge, i, z);
            let ok_hi = m.int_cmp(Cmp::Lt, i, n);
            if !m.truth(ok_lo) || !m.truth(ok_hi) {
                return None;
            }
            Some(hcall(cx, m, &H_LIST_POP_AT, &[l, i]).expect("pop of an index in range"))
        }
        ("insert", 2) if m.tag(pos[0]) == Tag::Int => {
            hcall(cx, m, &H_LIST_INSERT, &[l, pos[0], pos[1]]).expect("insert cannot fail");
            Some(m.konst(Value::None))
        }
        ("append", 1) => {
            m.list_append(l, pos[0]);
            Some(m.konst(Value::None))
        }
        ("pop", 0) => {
            let n = m.list_len(l);
            let z = int(m, 0);
            let nonempty = m.int_cmp(Cmp::Gt, n, z);
            if m.truth(nonempty) {
                Some(m.list_pop(l))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The function a staticmethod, classmethod or property `v` wraps (its
/// field 1, which never changes): a constant, since `v` is a class
/// attribute, which is itself constant in a trace (promoting it then costs
/// nothing; after the class epoch was given up it costs one guard).
fn wrapped<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> M::V {
    let w = m.promote(v);
    m.konst(field(w, 1))
}

fn ov_promoted<'gc, M: Meta<'gc>>(m: &mut M, ov: M::V) -> Value<'gc> {
    m.promote(ov)
}

/// Binds call arguments to a Python function's parameters.
fn bind<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    func: Value<'gc>,
    data: &CodeData,
    pos: Vec<M::V>,
    kwn: &[Value<'gc>],
    kwv: Vec<M::V>,
) -> Result<Vec<M::V>, Value<'gc>> {
    let p = &data.params;
    if kwn.is_empty() && !p.vararg && !p.kwarg && p.nkwonly == 0 && pos.len() == p.nargs as usize {
        // The common call: exactly the positional parameters, nothing to bind.
        return Ok(pos);
    }
    let rt = cx.rtx(mc_of(m));
    let fname = || format!("{}()", data.qualname);
    let nargs = p.nargs as usize;
    let nkw = p.nkwonly as usize;
    let total = p.count() as usize;
    let mut slots: Vec<Option<M::V>> = vec![None; total];
    if pos.len() > nargs && !p.vararg {
        let ndef = match field(func, FN_DEFAULTS) {
            Value::None => 0,
            t => tuple_items(t).len(),
        };
        let takes = if ndef > 0 {
            format!("from {} to {} positional arguments", nargs - ndef, nargs)
        } else {
            format!(
                "{} positional argument{}",
                nargs,
                if nargs == 1 { "" } else { "s" }
            )
        };
        return Err(rt.exc(
            Ty::TypeError,
            &format!(
                "{} takes {} but {} {} given",
                fname(),
                takes,
                pos.len(),
                if pos.len() == 1 { "was" } else { "were" }
            ),
        ));
    }
    for (i, v) in pos.iter().enumerate().take(nargs) {
        slots[i] = Some(*v);
    }
    let mut vi = nargs + nkw;
    if p.vararg {
        let t = m.konst(rt.ty(Ty::Tuple));
        let extra: Vec<M::V> = pos.iter().skip(nargs).copied().collect();
        let mut fields = vec![t, int(m, extra.len() as i64)];
        fields.extend(extra);
        slots[vi] = Some(m.new_record(t, &fields));
        vi += 1;
    }
    let kwdict = if p.kwarg { Some(m.new_dict()) } else { None };
    for (n, v) in kwn.iter().zip(kwv) {
        let name = n.as_str().unwrap_or("");
        let idx = p.names[..nargs + nkw].iter().position(|x| x == name);
        match idx {
            Some(i) if i >= p.posonly as usize => {
                if slots[i].is_some() {
                    return Err(rt.exc(
                        Ty::TypeError,
                        &format!("{} got multiple values for argument '{}'", fname(), name),
                    ));
                }
                slots[i] = Some(v);
            }
            _ => match kwdict {
                Some(d) => {
                    let k = m.konst(*n);
                    m.dict_set(d, k, v);
                }
                None => {
                    return Err(rt.exc(
                        Ty::TypeError,
                        &format!("{} got an unexpected keyword argument '{}'", fname(), name),
                    ));
                }
            },
        }
    }
    if let Some(d) = kwdict {
        slots[vi] = Some(d);
    }
    // Defaults.
    let defaults = match field(func, FN_DEFAULTS) {
        Value::None => Vec::new(),
        t => tuple_items(t),
    };
    let first_default = nargs - defaults.len().min(nargs);
    let mut missing = Vec::new();
    for i in 0..nargs {
        if slots[i].is_none() {
            if i >= first_default {
                slots[i] = Some(m.konst(defaults[i - first_default]));
            } else {
                missing.push(p.names[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => format!("'{}'", missing[0]),
            2 => format!("'{}' and '{}'", missing[0], missing[1]),
            _ => {
                let init: Vec<String> = missing[..missing.len() - 1]
                    .iter()
                    .map(|s| format!("'{s}'"))
                    .collect();
                format!("{}, and '{}'", init.join(", "), missing[missing.len() - 1])
            }
        };
        return Err(rt.exc(
            Ty::TypeError,
            &format!(
                "{} missing {} required positional argument{}: {}",
                fname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                list
            ),
        ));
    }
    let kwdefaults = field(func, FN_KWDEFAULTS);
    let mut kmissing = Vec::new();
    for i in nargs..nargs + nkw {
        if slots[i].is_none() {
            let dv = match kwdefaults {
                Value::Dict(_) => heap::dict_get(kwdefaults, rt.s(&p.names[i])),
                _ => Value::Absent,
            };
            if matches!(dv, Value::Absent) {
                kmissing.push(p.names[i].clone());
            } else {
                slots[i] = Some(m.konst(dv));
            }
        }
    }
    if !kmissing.is_empty() {
        let list: Vec<String> = kmissing.iter().map(|s| format!("'{s}'")).collect();
        return Err(rt.exc(
            Ty::TypeError,
            &format!(
                "{} missing {} required keyword-only argument{}: {}",
                fname(),
                kmissing.len(),
                if kmissing.len() == 1 { "" } else { "s" },
                list.join(" and ")
            ),
        ));
    }
    let none = m.konst(Value::None);
    Ok(slots.into_iter().map(|s| s.unwrap_or(none)).collect())
}

/// The registers of a new frame for `func` with bound `args`.
fn initial_regs<'gc, M: Meta<'gc>>(
    m: &mut M,
    func: Value<'gc>,
    data: &CodeData,
    depth: M::V,
    args: &[M::V],
) -> Vec<M::V> {
    let mut regs = m.new_regs(data.nregs as usize);
    regs.push(depth);
    regs.extend_from_slice(args);
    regs_from_args(m, func, data, regs)
}

/// A new frame's registers, made in place from `args` = the depth then the
/// bound arguments (the plain interpreter's call then allocates once: the
/// caller's argument vector becomes the frame's).
fn regs_from_args<'gc, M: Meta<'gc>>(
    m: &mut M,
    func: Value<'gc>,
    data: &CodeData,
    mut regs: Vec<M::V>,
) -> Vec<M::V> {
    let none = m.konst(Value::None);
    let n = regs.len() - 1;
    let depth = regs[0];
    let specials = SPECIALS as usize;
    let start = (data.free_start + data.nfree) as usize;
    let function = !data.is_module && !data.is_class;
    // Locals start unbound (reads the compiler could not prove safe check
    // for it): in a function everything past the arguments is filled so at
    // once, then the cells and free variables before `start` are reset.
    let fill = if function {
        m.konst(Value::Absent)
    } else {
        none
    };
    regs.resize((data.nregs as usize).max(specials + n), fill);
    regs.copy_within(1..1 + n, specials);
    for r in &mut regs[..specials] {
        *r = none;
    }
    regs[REG_DEPTH as usize] = depth;
    if function {
        let len = regs.len();
        for r in &mut regs[(specials + n).min(len)..start.min(len)] {
            *r = none;
        }
    } else {
        // Whatever the arguments left beyond them.
        for r in regs.iter_mut().skip((specials + n).max(start)) {
            *r = none;
        }
    }
    if data.nfree > 0 {
        let f = m.konst(func);
        let closure = m.get_field(f, FN_CLOSURE);
        for i in 0..data.nfree {
            regs[(data.free_start + i) as usize] = m.get_field(closure, TUP_ITEMS + i);
        }
    }
    if data.is_class {
        regs[REG_NS as usize] = m.new_dict();
    }
    regs
}

/// Calls any callable; the result goes to `dst`, execution continues at `resume`.
#[allow(clippy::too_many_arguments)]
pub fn call_value<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    mut f: M::V,
    mut pos: Vec<M::V>,
    kwn: Vec<Value<'gc>>,
    kwv: Vec<M::V>,
    dst: R,
    pc: u32,
    resume: u32,
) -> Flow<'gc, M::V> {
    let rt = cx.rtx(mc_of(m));
    for _ in 0..8 {
        if m.tag(f) != Tag::Record {
            let v = m.get(f);
            return raise_new(
                cx,
                m,
                Ty::TypeError,
                &format!("'{}' object is not callable", type_name_of(&rt, v)),
            );
        }
        match record_type(m, f) {
            Err(KIND_FUNC) => {
                let fv = m.promote(f);
                let code = heap::record_class(fv);
                let data = code_data(code).expect("function code");
                let args = match bind(cx, m, fv, data, pos, &kwn, kwv) {
                    Ok(a) => a,
                    Err(e) => return raise(cx, e),
                };
                let depth = m.reg(fr, REG_DEPTH as usize);
                let one = int(m, 1);
                let nd = m.int(IntOp::Add, depth, one);
                let rtv = m.konst(cx.rt);
                let lim = m.get_field(rtv, RT_RECLIMIT);
                let over = m.int_cmp(Cmp::Gt, nd, lim);
                if m.truth(over) {
                    return raise_new(
                        cx,
                        m,
                        Ty::RecursionError,
                        "maximum recursion depth exceeded",
                    );
                }
                if data.is_generator {
                    let regs = initial_regs(m, fv, data, nd, &args);
                    let l = m.new_list();
                    for x in regs {
                        m.list_append(l, x);
                    }
                    let cv = m.konst(code);
                    let fields = [
                        int(m, KIND_GEN),
                        l,
                        int(m, 0),
                        int(m, GEN_CREATED),
                        m.konst(rt.s(&data.name)),
                        m.konst(Value::None),
                        int(m, 0),
                    ];
                    let g = m.new_record(cv, &fields);
                    w(m, fr, dst, g);
                    return Flow::Jump(resume);
                }
                // The depth goes first; call sites leave room for it. The
                // vector becomes the callee's registers (`enter`).
                let mut full = args;
                full.reserve((data.nregs as usize).saturating_sub(full.len()));
                full.insert(0, nd);
                fr.ret_reg = dst;
                let cp = int(m, pc as i64);
                w(m, fr, REG_CALLPC, cp);
                fr.pc = resume;
                return Flow::Act(Action::Call {
                    callee: fv,
                    args: full,
                });
            }
            Err(_) => return raise_new(cx, m, Ty::TypeError, "'generator' object is not callable"),
            Ok(ty) => match builtin_of(ty) {
                Some(Ty::Method) => {
                    let func = m.get_field(f, 1);
                    let s = m.get_field(f, 2);
                    pos.insert(0, s);
                    f = func;
                    continue;
                }
                Some(Ty::StaticMethod) | Some(Ty::ClassMethod)
                    if builtin_of(ty) == Some(Ty::StaticMethod) =>
                {
                    f = m.get_field(f, 1);
                    continue;
                }
                Some(Ty::BuiltinFunction) | Some(Ty::Type) => {
                    let fv = m.promote(f);
                    if builtin_of(ty) == Some(Ty::Type) {
                        // A class: instantiate.
                        if let Some(k) = builtin_of(fv) {
                            if is_instance_kind(k) {
                                return instantiate(cx, m, fr, fv, pos, kwn, kwv, dst, pc, resume);
                            }
                            if k == Ty::Super
                                && pos.len() == 2
                                && kwn.is_empty()
                                && super_args_ok(m, pos[0], pos[1])
                            {
                                // `super(C, obj)`, as the builtin builds it,
                                // but a record a trace need not allocate.
                                let t = m.konst(fv);
                                let s = m.new_record(t, &[t, pos[0], pos[1]]);
                                w(m, fr, dst, s);
                                return Flow::Jump(resume);
                            }
                        }
                    }
                    if kwn.is_empty() && builtin_of(ty) == Some(Ty::BuiltinFunction) {
                        if pos.is_empty()
                            && matches!(field(fv, 3), Value::None)
                            && field(fv, 2).as_str() == Some("globals")
                        {
                            // The calling frame's module dict. Guest code may
                            // now change it behind the interpreter's back, so
                            // globals are no longer trace constants.
                            globals_exposed(&rt);
                            let g = m.konst(cx.k(K_GLOBALS));
                            w(m, fr, dst, g);
                            return Flow::Jump(resume);
                        }
                        if let Some(v) = fast_builtin(cx, m, pc, fv, &pos) {
                            w(m, fr, dst, v);
                            return Flow::Jump(resume);
                        }
                        // A bound method of a list (`pop = lst.pop`): the
                        // function is promoted, so the list is a constant.
                        if let (l @ Value::List(_), Some(name)) =
                            (field(fv, 3), field(fv, 2).as_str())
                        {
                            let lv = m.konst(l);
                            if let Some(v) = fast_list_method(cx, m, lv, name, &pos) {
                                w(m, fr, dst, v);
                                return Flow::Jump(resume);
                            }
                        }
                    }
                    let mut args = vec![
                        m.konst(fv),
                        m.konst(if kwn.is_empty() {
                            Value::None
                        } else {
                            rt.tuple(&kwn)
                        }),
                    ];
                    args.extend(pos.iter().copied());
                    args.extend(kwv.iter().copied());
                    return match hcall(cx, m, &H_BUILTIN, &args) {
                        Err(Value::Absent) => {
                            let name = if is_metaclass(&rt, fv) {
                                // Instances of a user metaclass: its __new__, __init__.
                                pos.insert(0, m.konst(fv));
                                "__construct".to_string()
                            } else if builtin_of(ty) == Some(Ty::Type) {
                                format!("__b_{}", type_name(fv))
                            } else {
                                let bself = field(fv, 3);
                                match bself {
                                    // A module's native `mod:name` falls back to
                                    // the prelude's `__b_mod_name`.
                                    Value::None => format!(
                                        "__b_{}",
                                        field(fv, 2).as_str().unwrap_or("").replace(':', "_")
                                    ),
                                    s => {
                                        pos.insert(0, m.konst(s));
                                        format!(
                                            "__m_{}_{}",
                                            type_name_of(&rt, s),
                                            field(fv, 2).as_str().unwrap_or("")
                                        )
                                    }
                                }
                            };
                            let fb = rt.prelude(&name);
                            if matches!(fb, Value::Absent) {
                                return raise_new(
                                    cx,
                                    m,
                                    Ty::TypeError,
                                    &format!("{name}: unsupported arguments"),
                                );
                            }
                            let fbv = m.konst(fb);
                            call_value(cx, m, fr, fbv, pos, kwn, kwv, dst, pc, resume)
                        }
                        Ok(v) => {
                            w(m, fr, dst, v);
                            Flow::Jump(resume)
                        }
                        Err(e) => raise(cx, e),
                    };
                }
                Some(k) if is_instance_kind(k) => {
                    let c = class_const(cx, m, ty, "__call__");
                    if matches!(c, Value::Absent) {
                        break;
                    }
                    pos.insert(0, f);
                    f = m.konst(c);
                    continue;
                }
                _ => break,
            },
        }
    }
    let v = m.get(f);
    raise_new(
        cx,
        m,
        Ty::TypeError,
        &format!("'{}' object is not callable", type_name_of(&rt, v)),
    )
}

/// `len` and `isinstance` on the common cases, without the builtin
/// helper: `len` of a list (or a list subclass without `__len__`) or tuple
/// is a length read, and `isinstance` of a value whose type is known (a
/// promoted record type, or the tag) against a promoted class is a constant.
/// None: take the helper.
pub(crate) fn fast_builtin<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    pc: u32,
    f: Value<'gc>,
    pos: &[M::V],
) -> Option<M::V> {
    if !matches!(field(f, 3), Value::None) {
        return None;
    }
    let name = field(f, 2);
    let name = name.as_str()?;
    match (name, pos.len()) {
        ("len", 1) => {
            let x = pos[0];
            match m.tag(x) {
                Tag::List => Some(m.list_len(x)),
                Tag::Record => {
                    let ty = record_type(m, x).ok()?;
                    match builtin_of(ty) {
                        Some(Ty::Tuple) => Some(m.get_field(x, TUP_LEN)),
                        Some(k) if is_instance_kind(k) => {
                            let slot = plain_list_slot(cx, m, pc, x, "__len__")?;
                            Some(m.list_len(slot))
                        }
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        ("isinstance", 2) => {
            let (x, c) = (pos[0], pos[1]);
            if m.tag(c) != Tag::Record
                || !matches!(record_type(m, c), Ok(t) if builtin_of(t) == Some(Ty::Type))
            {
                return None;
            }
            let cls = m.promote(c);
            if !is_type(cls) {
                return None;
            }
            let rt = cx.rtx(mc_of(m));
            if user_metaclass(&rt, cls)
                .is_some_and(|mc| is_py_function(lookup(&rt, mc, "__instancecheck__")))
            {
                return None;
            }
            let xt = match m.tag(x) {
                Tag::Record => record_type(m, x).ok()?,
                Tag::Int | Tag::Float | Tag::Str | Tag::List | Tag::Dict | Tag::None => {
                    type_of(&rt, m.get(x))
                }
                Tag::Bool => {
                    let bt = rt.ty(Ty::Bool);
                    let hit = is_subtype(bt, cls)
                        || cls.same(&rt.ty(Ty::Int))
                        || abc_subtype(&rt, bt, cls);
                    return Some(m.konst(Value::Bool(hit)));
                }
                _ => return None,
            };
            Some(m.konst(Value::Bool(
                is_subtype(xt, cls) || abc_subtype(&rt, xt, cls),
            )))
        }
        _ => None,
    }
}

/// Whether `super(c, o)` is valid, decided on the promoted class and the
/// type of `o` (guarded); false also when that cannot be known here.
fn super_args_ok<'gc, M: Meta<'gc>>(m: &mut M, c: M::V, o: M::V) -> bool {
    if m.tag(c) != Tag::Record || m.tag(o) != Tag::Record {
        return false;
    }
    let cls = m.promote(c);
    if !is_type(cls) {
        return false;
    }
    match record_type(m, o) {
        Ok(t) if builtin_of(t) == Some(Ty::Type) => {
            let ov = m.promote(o);
            is_subtype(ov, cls)
        }
        Ok(t) => is_subtype(t, cls),
        Err(_) => false,
    }
}

#[allow(clippy::too_many_arguments)]
fn instantiate<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    cls: Value<'gc>,
    pos: Vec<M::V>,
    kwn: Vec<Value<'gc>>,
    kwv: Vec<M::V>,
    dst: R,
    pc: u32,
    resume: u32,
) -> Flow<'gc, M::V> {
    let rt = cx.rtx(mc_of(m));
    if is_plain::<M>() && matches!(cx.data.ops[pc as usize], Op::Call(.., NONE)) {
        // For `fastpath::call_plain`: this class's `__init__` when making
        // an instance is only that (no user `__new__`, no native or
        // exception base), else False; cached per class at this `Call`.
        class_ic(cx, rt.mc, pc, cls, || {
            if user_metaclass(&rt, cls)
                .is_some_and(|mc| is_py_function(lookup(&rt, mc, "__call__")))
            {
                return Value::Bool(false);
            }
            let new = lookup(&rt, cls, "__new__");
            let init = lookup(&rt, cls, "__init__");
            // `object.__new__`, and no exception to build.
            let plain_new = !is_py_function(new)
                && kind_of(&rt, new) != Ty::StaticMethod
                && !is_exception_type(&rt, cls);
            if plain_new && native_base(cls).is_none() && is_py_function(init) {
                init
            } else if plain_new && native_base(cls) == Some(Ty::List) && !is_py_function(init) {
                // No user code runs: made empty when called without arguments.
                Value::Int(crate::fastpath::IC_NEW_LIST)
            } else {
                Value::Bool(false)
            }
        });
    }
    if let Some(meta) = user_metaclass(&rt, cls) {
        // The metaclass's __call__ makes the instance.
        let call = class_const(cx, m, meta, "__call__");
        if is_py_function(call) {
            let f = m.konst(call);
            let mut args = vec![m.konst(cls)];
            args.extend(pos);
            return call_value(cx, m, fr, f, args, kwn, kwv, dst, pc, resume);
        }
    }
    let new = class_const(cx, m, cls, "__new__");
    if is_py_function(new)
        || kind_of(&rt, new) == Ty::StaticMethod
        || native_base(cls).is_some_and(is_immutable_native)
    {
        // A user __new__: the prelude runs __new__ then __init__.
        let mut args = vec![m.konst(cls)];
        args.extend(pos);
        let f = m.konst(rt.prelude("__construct"));
        return call_value(cx, m, fr, f, args, kwn, kwv, dst, pc, resume);
    }
    let is_exc = is_exception_type(&rt, cls);
    let cv = m.konst(cls);
    let nat = native_base(cls);
    let (s1, s2) = if let Some(nk) = nat {
        let none = m.konst(Value::None);
        (
            if nk == Ty::Dict {
                m.new_dict()
            } else {
                m.new_list()
            },
            none,
        )
    } else if is_exc {
        let l = m.new_list();
        let t = m.konst(rt.ty(Ty::Tuple));
        let mut fields = vec![t, int(m, pos.len() as i64)];
        fields.extend(pos.iter().copied());
        (l, m.new_record(t, &fields))
    } else {
        let none = m.konst(Value::None);
        (none, none)
    };
    let none = m.konst(Value::None);
    let inst = if is_exc {
        let dict = m.new_dict();
        m.new_record(cv, &[cv, dict, s1, s2, none, none])
    } else {
        // Map mode (objects::shapes): the class's root map and no values yet.
        let root = shapes::root_map(&rt, cls);
        let map = m.konst(root);
        let mut fields = vec![cv, none, s1, s2, map, none];
        fields.resize(I_COUNT + shapes::map_inline(root), none);
        m.new_record(cv, &fields)
    };
    let init = class_const(cx, m, cls, "__init__");
    if is_py_function(init) {
        let f = m.konst(init);
        let mut args = pos;
        args.insert(0, inst);
        w(m, fr, dst, inst);
        return call_value(cx, m, fr, f, args, kwn, kwv, REG_DISCARD, pc, resume);
    }
    if nat.is_some() && (!pos.is_empty() || !kwn.is_empty()) {
        // list(iterable) / dict(mapping, **kw) initialisation of the native part.
        w(m, fr, dst, inst);
        let mut args = vec![inst];
        args.extend(pos);
        let f = m.konst(rt.prelude("__native_init"));
        return call_value(cx, m, fr, f, args, kwn, kwv, REG_DISCARD, pc, resume);
    }
    if !is_exc && (!pos.is_empty() || !kwn.is_empty()) {
        return raise_new(
            cx,
            m,
            Ty::TypeError,
            &format!("{}() takes no arguments", type_name(cls)),
        );
    }
    w(m, fr, dst, inst);
    Flow::Jump(resume)
}

/// Builds the frame for a call (plain or recording).
pub fn enter<'gc, M: Meta<'gc>>(
    lang: &PyLang,
    m: &mut M,
    callee: Value<'gc>,
    args: Vec<M::V>,
) -> Result<Frame<'gc>, Value<'gc>> {
    let code = heap::record_class(callee);
    let data = code_data(code).expect("Python callee");
    let id = lang.id.get();
    // The callee is a function or generator record (its class is its code).
    match field_inline(callee, F_TYPE) {
        Value::Int(KIND_GEN) => {
            let cv = m_konst(m, callee);
            let l = m.get_field(cv, G_REGS);
            let mut regs: Vec<M::V> = (0..data.nregs)
                .map(|i| {
                    let iv = m.konst(Value::Int(i as i64));
                    m.list_get(l, iv)
                })
                .collect();
            regs[REG_GEN as usize] = m.konst(callee);
            regs[REG_DEPTH as usize] = args[0];
            regs[REG_SENT as usize] = args[1];
            let mut pc = int_of(m.get(args[2])) as u32;
            if pc > 0 {
                if let Op::Yield(d, _) = data.ops[pc as usize - 1] {
                    if matches!(field(callee, G_MODE), Value::Int(2)) {
                        // throw(): re-run the yield, which raises the exception.
                        pc -= 1;
                        regs[REG_RESUME as usize] = m.konst(Value::Int(-2));
                    } else {
                        regs[d as usize] = args[1];
                    }
                }
            }
            let mut fr = m.new_frame(id, code, &regs);
            fr.pc = pc;
            Ok(fr)
        }
        // Exactly the callee's registers: the plain interpreter's call
        // shortcut (`fastpath::call_plain`) laid them out. Every other call
        // passes the depth and the bound arguments, fewer than the
        // specials alone.
        _ if args.len() == data.nregs as usize => Ok(m.new_frame_owned(id, code, args)),
        _ => {
            let regs = regs_from_args(m, callee, data, args);
            Ok(m.new_frame_owned(id, code, regs))
        }
    }
}

fn m_konst<'gc, M: Meta<'gc>>(m: &mut M, v: Value<'gc>) -> M::V {
    m.konst(v)
}

/// Finds a handler for `exc` in `fr` (see `Language::catch`).
pub fn catch<'gc>(lang: &PyLang, mc: &Mutation<'gc>, fr: &mut Frame<'gc>, exc: Value<'gc>) -> bool {
    let Some(data) = code_data(fr.code) else {
        return false;
    };
    let fresh = lang.fresh.replace(false);
    let reraise = lang.reraise.replace(false);
    let pc = if fresh {
        fr.pc
    } else {
        int_of(fr.regs[REG_CALLPC as usize]) as u32
    };
    let code = heap::as_code(fr.code).expect("code");
    let rt = Rt::new(mc, code.consts[K_RT as usize]);
    let is_exc = matches!(exc, Value::Record(_))
        && matches!(type_field(exc), Value::Record(_))
        && is_exception_type(&rt, type_field(exc));
    // Raised while this frame handles another exception: that one is its context.
    let handled = fr.regs[REG_EXC as usize];
    if is_exc && matches!(handled, Value::Record(_)) && !handled.same(&exc) {
        let d = field(exc, I_DICT);
        let key = rt.s("__context__");
        if matches!(heap::dict_get(d, key), Value::Absent) {
            heap::dict_set(mc, d, key, handled);
        }
    }
    // StopIteration from a user __next__ ends the for loop waiting on it.
    if !fresh && is_exc && is_subtype(type_field(exc), rt.ty(Ty::StopIteration)) {
        if let Some(Op::ForIter(_, _, exit) | Op::SendIter(_, _, _, exit)) =
            data.ops.get(pc as usize)
        {
            fr.pc = *exit;
            fr.regs[REG_RESUME as usize] = Value::None;
            return true;
        }
    }
    if is_exc && !data.hidden && !(fresh && reraise) {
        let tb = field(exc, I_SLOT1);
        if let Value::List(_) = tb {
            heap::list_append(mc, tb, fr.code);
            heap::list_append(mc, tb, Value::Int(pc as i64));
        }
    }
    for h in &data.handlers {
        if h.start <= pc && pc < h.end {
            fr.regs[h.reg as usize] = exc;
            fr.regs[REG_RESUME as usize] = Value::None;
            fr.pc = h.target;
            return true;
        }
    }
    if let Value::Record(_) = fr.regs[REG_GEN as usize] {
        heap::set_field(mc, fr.regs[REG_GEN as usize], G_STATE, Value::Int(GEN_DONE));
    }
    false
}
