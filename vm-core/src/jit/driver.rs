//! What the executor does when the JIT is involved.
//!
//! - At a hot merge point it starts recording; the executor then runs the
//!   recording instance of every language's step until the loop closes
//!   ([`record_step`]); the trace is optimised, compiled and installed.
//! - At a merge point with compiled code it enters the machine code with the
//!   frame's registers ([`at_merge_point`]).
//! - When the code exits, the exit's snapshot is turned back into frames
//!   ([`deoptimize`]): virtual objects are built, delayed heap writes are
//!   replayed, the root frame is rewritten and frames of inlined calls are
//!   pushed. A guard that fails often gets a bridge: a trace recorded from its
//!   snapshot, entered by this dispatcher right after the exit.
//! - Compiled code is linked in machine code (see `backend::Linkage`): a
//!   guard whose exit has a bridge jumps straight into it (the bridge reads
//!   the exit's buffer, so no frames are rebuilt), and an `exit` at a loop
//!   header jumps straight into that loop's trace. The driver sees only the
//!   exits that leave compiled code for good.

use gc_arena::{Collect, Mutation};

use crate::exec::{self, Action, Config, Frame, Language, Root, Slice};
use crate::heap;
use crate::jit::backend::{
    self, CompiledCode, ExitLink, InputSource, Linkage, STATUS_BUG, STATUS_FINISH,
};
use crate::jit::helpers::CALL_TRACE;
use crate::jit::ir::{tuple_order, Op, PendingWrite, SnapValue, Snapshot, TraceIr, Virtual};
use crate::jit::recorder::{Recorder, Recording, TraceKind};
use crate::jit::{opt, FunctionEntry, GreenKey};
use crate::meta::{int_of, Meta};
use crate::value::Value;

/// A compiled trace, the IR it came from, and its exits' bookkeeping.
#[derive(Collect)]
#[collect(no_drop)]
pub struct CompiledTrace<'gc> {
    /// The optimised IR; its constant pool roots every heap pointer baked into the code.
    pub ir: TraceIr<'gc>,
    /// The machine code (freed when this is dropped).
    #[collect(require_static)]
    pub code: CompiledCode,
    /// The loop this trace belongs to.
    #[collect(require_static)]
    pub key: GreenKey,
    /// Loop or bridge.
    #[collect(require_static)]
    pub kind: TraceKind,
    /// Failures per exit, towards growing a bridge.
    #[collect(require_static)]
    pub exit_counts: Vec<u32>,
    /// Aborted bridge recordings per exit: after `max_aborts` the exit is
    /// given up ([`GIVEN_UP`]).
    #[collect(require_static)]
    pub bridge_aborts: Vec<u8>,
    /// Times each exit returned to the driver (for the log).
    #[collect(require_static)]
    pub exits_taken: Vec<u64>,
    /// Bridge attached to each exit, by trace index.
    #[collect(require_static)]
    pub bridges: Vec<Option<usize>>,
    /// What each exit leaves through.
    #[collect(require_static)]
    pub exit_kinds: Vec<ExitKind>,
    /// Times this trace was entered (for the log).
    #[collect(require_static)]
    pub entries: u64,
    /// Per exit, the word its code tail-calls through: the `link_entry` of
    /// a bridge that reads the exit's buffer, or 0. Boxed: the code holds
    /// the words' addresses.
    #[collect(require_static)]
    pub exit_cells: Box<[std::cell::Cell<usize>]>,
    /// A bridge that reads its parent exit's buffer ([`Linkage::inputs`]),
    /// entered without rebuilding frames.
    #[collect(require_static)]
    pub linked_inputs: bool,
    /// For a bridge: the times its code reached its own loop's header since
    /// it last returned there (see [`note_loopback`]). Boxed: the code holds
    /// its address.
    #[collect(require_static)]
    pub loopbacks: Box<std::cell::Cell<i64>>,
    /// The loop or function trace at the root of this trace's tree (itself
    /// for one of those; a bridge's parent's root for a bridge).
    #[collect(require_static)]
    pub tree_root: usize,
    /// For a tree's root: the bridges grown in the tree (see
    /// [`Config::max_bridges`]).
    #[collect(require_static)]
    pub tree_bridges: u32,
    /// While the code is the quickly compiled first tier: the work it has
    /// done, counted by the code itself ([`Linkage::tier_counter`]). Boxed:
    /// the code holds its address.
    #[collect(require_static)]
    pub tier_count: Option<Box<std::cell::Cell<i64>>>,
}

/// An exit count that never reaches a bridge again (its recording aborted
/// too often).
const GIVEN_UP: u32 = u32::MAX / 2;

/// Handles [`Action::Jit`] from the plain interpreter: the top frame is at a
/// loop header that is hot or compiled. `Some` ends the slice.
pub fn at_merge_point<'gc>(
    mc: &'gc Mutation<'gc>,
    root: &mut Root<'gc>,
    config: &Config,
    fuel: &mut i64,
) -> Option<Slice<'gc>> {
    let depth = root.frames.len() - 1;
    let fr = root.frames.last_mut()?;
    let key = GreenKey::of(fr, fr.pc);
    let info = root.jit.loops.entry(key).or_default();
    if let Some(t) = info.trace {
        return run_trace(mc, root, config, fuel, t, depth);
    }
    if root.jit.recorder.is_some() {
        // A recording waits for a callee the interpreter runs.
        return None;
    }
    // Hot: record from here.
    let info = root.jit.loops.entry(key).or_default();
    info.count = 0;
    let rec = Recorder::start_loop(fr, key, depth, config.max_trace_len);
    begin_recording(root, rec);
    None
}

/// Called by the executor when it has pushed the frame of a call (the top
/// frame, at pc 0): runs the function's compiled trace, or starts recording
/// one when the function is hot. `Some` ends the slice.
pub fn at_function_entry<'gc>(
    mc: &'gc Mutation<'gc>,
    root: &mut Root<'gc>,
    config: &Config,
    fuel: &mut i64,
) -> Option<Slice<'gc>> {
    let depth = root.frames.len().checked_sub(1)?;
    let fr = root.frames.last_mut()?;
    match root.jit.function_entry(fr) {
        FunctionEntry::Interpret => None,
        FunctionEntry::Run(t) => run_trace(mc, root, config, fuel, t, depth),
        FunctionEntry::Record => {
            let key = GreenKey::function(fr.code);
            let info = root.jit.loops.entry(key).or_default();
            info.count = 0;
            info.entry_regs = Some(fr.regs.len());
            let rec = Recorder::start_function(fr, key, depth, config.max_trace_len);
            begin_recording(root, rec);
            None
        }
    }
}

/// The trace chain rooted at frame `root_depth` finished: that frame returns
/// `v` (what the executor does for [`Action::Return`]).
fn return_from_root<'gc>(root: &mut Root<'gc>, root_depth: usize, v: Value<'gc>) {
    root.frames.truncate(root_depth);
    match root.frames.last_mut() {
        Some(caller) => {
            let r = caller.ret_reg as usize;
            caller.regs[r] = v;
        }
        None => root.result = v,
    }
}

/// Runs compiled trace `t` entered with the frames above `root_depth`, then
/// any bridges its exits lead to. `Some` ends the slice.
fn run_trace<'gc>(
    mc: &'gc Mutation<'gc>,
    root: &mut Root<'gc>,
    config: &Config,
    fuel: &mut i64,
    mut t: usize,
    mut root_depth: usize,
) -> Option<Slice<'gc>> {
    // Whether `buf` already holds `t`'s inputs (a bridge reading its parent's exit).
    let mut buf_ready = false;
    loop {
        let need = root.jit.buf_need;
        let trace = root.jit.traces[t].as_mut().expect("entered a freed trace");
        let buf = &mut root.jit.buf;
        if !buf_ready {
            buf.clear();
            for fr in &root.frames[root_depth..] {
                buf.extend_from_slice(&fr.regs);
            }
        }
        buf_ready = false;
        buf.resize(
            buf.len().max(need).max(trace.code.buf_len()).max(1),
            Value::None,
        );
        root.jit.stats.entries += 1;
        trace.entries += 1;
        let (from, exit) =
            trace
                .code
                .run_nested(mc, fuel, buf, &mut root.jit.nested, config.jit_stack);
        // Linked code may have left through another trace's exit.
        t = from as usize;
        if exit == STATUS_BUG || root.jit.nested.iter().any(|n| n.exit == STATUS_BUG) {
            // The plain interpreter panics at the same access (`heap::get_field`,
            // `tuple::tuple_get`, ...).
            panic!(
                "compiled code (trace {t}) read a record field, tuple argument, cell or word store that is not there: an interpreter bug"
            );
        }
        if exit == STATUS_FINISH {
            let v = root.jit.buf[0];
            return_from_root(root, root_depth, v);
            return (*fuel < 0).then_some(Slice::Yield);
        }
        let exit = exit as usize;
        if !root.jit.nested.is_empty() {
            match nested_exit(mc, root, config, fuel, t, exit, root_depth) {
                Ok((b, depth)) => {
                    t = b;
                    root_depth = depth;
                    continue;
                }
                Err(s) => return s,
            }
        }
        let trace = root.jit.traces[t].as_ref().expect("exit of a freed trace");
        if let Some(b) = trace.bridges[exit] {
            if root.jit.traces[b].as_ref().is_some_and(|b| b.linked_inputs) {
                // What the exit's code does when it finds the bridge in its
                // cell: builds the virtual objects after the live values,
                // and does the delayed writes.
                let info = &trace.code.exits()[exit];
                let snap = &trace.ir.snapshots[info.snap as usize];
                let buf = &mut root.jit.buf;
                let objs = build_virtuals(mc, &trace.ir, snap, &info.live, buf);
                replay_pending(mc, &trace.ir, snap, &info.live, buf, &objs);
                for (k, obj) in objs.into_iter().enumerate() {
                    buf[info.live.len() + k] = obj;
                }
                root.jit.stats.exits += 1;
                t = b;
                buf_ready = true;
                continue;
            }
        }
        let trace = root.jit.traces[t].as_mut().expect("exit of a freed trace");
        trace.exits_taken[exit] += 1;
        let buf = &mut root.jit.buf;
        let info = &trace.code.exits()[exit];
        let snap = &trace.ir.snapshots[info.snap as usize];
        deoptimize(
            mc,
            &mut root.frames,
            root_depth,
            &trace.ir,
            snap,
            &info.live,
            buf,
        );
        let stats = &mut root.jit.stats;
        stats.exits += 1;
        if snap.frames.len() > 1 {
            stats.inlined_frames_rebuilt += (snap.frames.len() - 1) as u64;
            for f in &snap.frames {
                if !stats.rebuilt_langs.contains(&f.lang) {
                    stats.rebuilt_langs.push(f.lang);
                }
            }
        }
        let kind = trace.exit_kinds[exit];
        if kind != ExitKind::Exit {
            if let Some(top) = root.frames.last() {
                root.jit.skip_once = Some(GreenKey::of(top, top.pc));
            }
        }
        if let Some(b) = trace.bridges[exit] {
            t = b;
            continue;
        }
        if kind == ExitKind::Exit {
            bridge_left_by_exit(root, t, root_depth);
            if *fuel < 0 {
                return Some(Slice::Yield);
            }
            // An `exit` op leaves at a loop header on purpose; when that loop
            // has compiled code, enter it here rather than going through the
            // interpreter's merge point to come back to the same place.
            let top = root.frames.last()?;
            let info = root.jit.loops.get(&GreenKey::of(top, top.pc));
            if root.jit.recorder.is_none() {
                if let Some(next) = info.and_then(|i| i.trace) {
                    // The interpreter would have spent fuel on the header: a
                    // cycle of traces and bridges still ends its slice.
                    *fuel -= 1;
                    t = next;
                    root_depth = root.frames.len() - 1;
                    continue;
                }
            }
            return None;
        }
        if *fuel < 0 {
            return Some(Slice::Yield);
        }
        if kind == ExitKind::Guard {
            count_guard_exit(root, config, t, exit, root_depth);
        }
        return None;
    }
}

/// Counts a failure of guard exit `exit` of trace `t`, whose frames start
/// at `depth`; once it is hot, records a bridge from it.
fn count_guard_exit(root: &mut Root<'_>, config: &Config, t: usize, exit: usize, depth: usize) {
    let Some(Some(trace)) = root.jit.traces.get_mut(t) else {
        return;
    };
    let count = &mut trace.exit_counts[exit];
    *count = count.saturating_add(1);
    // At or past the threshold: an exit that got hot while another
    // recording was in progress is bridged at its next failure.
    let hot = (config.hot_exit..GIVEN_UP).contains(count);
    if hot && root.jit.recorder.is_none() {
        let tree_root = trace.tree_root;
        let grown = root.jit.traces[tree_root]
            .as_ref()
            .map_or(0, |r| r.tree_bridges);
        let Some(Some(trace)) = root.jit.traces.get_mut(t) else {
            return;
        };
        if grown >= config.max_bridges {
            // The tree is full: this exit stays an exit.
            trace.exit_counts[exit] = GIVEN_UP;
            return;
        }
        let key = trace.key;
        let kind = TraceKind::Bridge {
            parent: t,
            exit: exit as u32,
        };
        let rec = Recorder::start_bridge(
            &mut root.frames[depth..],
            key,
            kind,
            depth,
            config.max_trace_len,
        );
        begin_recording(root, rec);
    }
}

/// Makes `rec` the recording in progress, telling it which loops have
/// compiled code (where it ends) and which never will (which it unrolls).
fn begin_recording<'gc>(root: &mut Root<'gc>, mut rec: Recorder<'gc>) {
    rec.compiled_loops = compiled_loops(&root.jit);
    rec.untraceable_loops = untraceable_loops(&root.jit);
    root.jit.recorder = Some(rec);
}

/// Trace `t` left through exit `exit` after traces it called with
/// `call_trace` left machine code (`root.jit.nested`): rebuilds the frames
/// of all those exits, outermost first, on top of each other. The innermost
/// exit is counted like any guard's, so a bridge grows there and is then
/// entered from it: `Ok((bridge, its root depth))`. `Err` is what
/// [`run_trace`] returns.
#[allow(clippy::type_complexity)]
fn nested_exit<'gc>(
    mc: &'gc Mutation<'gc>,
    root: &mut Root<'gc>,
    config: &Config,
    fuel: &mut i64,
    t: usize,
    exit: usize,
    root_depth: usize,
) -> Result<(usize, usize), Option<Slice<'gc>>> {
    let nested = std::mem::take(&mut root.jit.nested);
    let rebuild =
        |root: &mut Root<'gc>, t: usize, exit: usize, depth: usize, buf: &[Value<'gc>]| {
            let trace = root.jit.traces[t].as_mut().expect("exit of a freed trace");
            trace.exits_taken[exit] += 1;
            let info = &trace.code.exits()[exit];
            let snap = &trace.ir.snapshots[info.snap as usize];
            deoptimize(
                mc,
                &mut root.frames,
                depth,
                &trace.ir,
                snap,
                &info.live,
                buf,
            );
            root.jit.stats.exits += 1;
        };
    let outer = std::mem::take(&mut root.jit.buf);
    rebuild(root, t, exit, root_depth, &outer);
    root.jit.buf = outer;
    let mut inner = None;
    for n in nested.iter().rev() {
        let depth = root.frames.len();
        rebuild(root, n.trace as usize, n.exit as usize, depth, &n.values);
        inner = Some((n, depth));
    }
    root.jit.stats.nested_exits += nested.len() as u64;
    if *fuel < 0 {
        return Err(Some(Slice::Yield));
    }
    let Some((n, depth)) = inner else {
        return Err(None);
    };
    let (t, exit) = (n.trace as usize, n.exit as usize);
    let kind = root.jit.traces[t]
        .as_ref()
        .expect("exit of a freed trace")
        .exit_kinds[exit];
    if kind == ExitKind::Exit {
        bridge_left_by_exit(root, t, depth);
    }
    if kind != ExitKind::Guard {
        return Err(None);
    }
    let trace = root.jit.traces[t].as_mut().expect("exit of a freed trace");
    if let Some(b) = trace.bridges[exit] {
        return Ok((b, depth));
    }
    count_guard_exit(root, config, t, exit, depth);
    Err(None)
}

/// Whether recording the loop again could cover what a bridge of kind
/// `kind` covers: when the guard the bridge grew from checked a type or a
/// constant (the loop was recorded while its values had other types, or
/// another class), or an overflow (ints that became floats). A guard on a
/// comparison is a data-dependent branch that a new recording would take
/// one way again, so the loopbacks of its bridge are not counted.
fn retraces_may_help(jit: &crate::jit::JitState<'_>, kind: TraceKind) -> bool {
    let TraceKind::Bridge { parent, exit } = kind else {
        return false;
    };
    let Some(Some(p)) = jit.traces.get(parent) else {
        return true;
    };
    let guard =
        p.ir.ops
            .iter()
            .filter(|i| i.op.is_guard())
            .nth(exit as usize);
    !matches!(
        guard.map(|i| &i.op),
        Some(Op::GuardTrue(_) | Op::GuardFalse(_) | Op::GuardIntCmp(..) | Op::GuardFloatCmp(..))
    )
}

/// Trace `t` (rooted at `root_depth`) left through an `exit` op: when it is
/// a bridge back to its own loop, the loopbacks it counted are noted (and
/// its counter restarts, or stops counting once the loop is not recorded
/// again), so that its code links the next ones itself.
fn bridge_left_by_exit(root: &mut Root<'_>, t: usize, root_depth: usize) {
    let Some(Some(trace)) = root.jit.traces.get(t) else {
        return;
    };
    if !retraces_may_help(&root.jit, trace.kind) {
        return;
    }
    let key = trace.key;
    // The bridge's code counts the loopbacks it linked itself.
    let linked = trace.loopbacks.replace(0);
    note_loopback(root, root_depth, key, linked);
    if root
        .jit
        .loops
        .get(&key)
        .is_some_and(|i| i.retraces >= MAX_RETRACES)
    {
        if let Some(Some(trace)) = root.jit.traces.get(t) {
            trace.loopbacks.set(i64::MIN / 2);
        }
    }
}

/// A bridge of loop `key` went back to that loop's header: one iteration
/// took a path its loop trace does not cover. When that keeps happening (the
/// loop was recorded while its values had other types, as a sum that starts
/// as an int and continues as a float), every iteration pays an exit and a
/// re-entry; after [`RETRACE_LOOPBACKS`] such iterations the loop is recorded
/// afresh (at most [`MAX_RETRACES`] times), so the common path is the loop.
/// `linked` is the bridge's own count of such iterations since it last
/// returned here, this one included (its code enters the loop's code
/// itself, and returns once the count reaches [`RETRACE_LOOPBACKS`]); 0 for
/// a bridge that does not count.
fn note_loopback(root: &mut Root<'_>, root_depth: usize, key: GreenKey, linked: i64) {
    let at_header = root.frames.len() == root_depth + 1
        && root
            .frames
            .last()
            .is_some_and(|top| GreenKey::of(top, top.pc) == key);
    if !at_header {
        return;
    }
    let info = root.jit.loops.entry(key).or_default();
    info.loopbacks = info
        .loopbacks
        .saturating_add(linked.clamp(1, u32::MAX as i64) as u32);
    if info.loopbacks >= RETRACE_LOOPBACKS && info.retraces < MAX_RETRACES {
        info.trace = None;
        // Exits that end here return to the interpreter, which records anew.
        root.jit.set_entry_cell(key, 0);
        let info = root.jit.loops.entry(key).or_default();
        info.count = 0;
        info.loopbacks = 0;
        info.retraces += 1;
    }
}

/// Iterations through a bridge back to its own loop's header before the loop is re-recorded.
pub const RETRACE_LOOPBACKS: u32 = 1000;
/// Re-recordings of one loop at most.
pub const MAX_RETRACES: u32 = 2;

/// The loop headers that have compiled traces (where a recording ends).
/// The loop headers whose [`crate::jit::LoopInfo`] satisfies `pick`.
fn loops_where(
    jit: &crate::jit::JitState<'_>,
    pick: fn(&crate::jit::LoopInfo) -> bool,
) -> rustc_hash::FxHashSet<GreenKey> {
    jit.loops
        .iter()
        .filter(|(_, i)| pick(i))
        .map(|(k, _)| *k)
        .collect()
}

fn compiled_loops(jit: &crate::jit::JitState<'_>) -> rustc_hash::FxHashSet<GreenKey> {
    loops_where(jit, |i| i.trace.is_some())
}

fn untraceable_loops(jit: &crate::jit::JitState<'_>) -> rustc_hash::FxHashSet<GreenKey> {
    loops_where(jit, |i| i.blacklisted)
}

/// What kind of op an exit leaves through.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// A guard failed: a bridge may grow here when it fails often.
    Guard,
    /// The fuel check: the host gets control back; never bridged.
    Fuel,
    /// An `exit` op hands over to a loop header on purpose; never bridged,
    /// and the executor may enter compiled code there at once.
    Exit,
    /// A `call_trace` could not call, or the guard after it failed (its
    /// callee left machine code, or returned a value of another type):
    /// never bridged, never linked (the driver rebuilds the callee's frames).
    Call,
}

/// The kind of each exit, in exit order (the backend numbers exits by guard order).
fn exit_kinds(ir: &TraceIr<'_>) -> Vec<ExitKind> {
    let is_call_trace = |r: crate::jit::ir::Ref| {
        !r.is_const()
            && matches!(ir.ops[r.index()].op, Op::Call(h, _) if std::ptr::eq(h, &CALL_TRACE))
    };
    ir.ops
        .iter()
        .enumerate()
        .filter(|(_, i)| i.op.is_guard())
        .map(|(k, i)| match i.op {
            Op::Fuel => ExitKind::Fuel,
            Op::Exit => ExitKind::Exit,
            Op::GuardTag(r, _) if is_call_trace(r) => ExitKind::Call,
            _ if is_call_trace(crate::jit::ir::Ref::op(k)) => ExitKind::Call,
            _ => ExitKind::Guard,
        })
        .collect()
}

/// Rebuilds interpreter frames from an exit: builds the virtual objects,
/// replays delayed writes, rewrites the frames above `root_depth`.
pub fn deoptimize<'gc>(
    mc: &Mutation<'gc>,
    frames: &mut Vec<Frame<'gc>>,
    root_depth: usize,
    ir: &TraceIr<'gc>,
    snap: &Snapshot,
    live: &[crate::jit::ir::Ref],
    buf: &[Value<'gc>],
) {
    let objs = build_virtuals(mc, ir, snap, live, buf);
    let lookup = snap_lookup(ir, live, buf);
    let resolve = |s: &SnapValue| -> Value<'gc> {
        match s {
            SnapValue::Ref(r) => lookup(*r),
            SnapValue::Virtual(i) => objs[*i as usize],
        }
    };
    replay_pending(mc, ir, snap, live, buf, &objs);
    // Frames that still stand where the snapshot puts them, running the same
    // code with as many registers (the root frame, nearly always), are
    // rewritten in place: an exit then allocates nothing for them.
    let mut depth = root_depth;
    for f in &snap.frames {
        let code = lookup(f.code);
        let reuse = frames
            .get(depth)
            .is_some_and(|fr| fr.code.same(&code) && fr.regs.len() == f.regs.len());
        if reuse {
            let fr = &mut frames[depth];
            for (slot, x) in fr.regs.iter_mut().zip(&f.regs) {
                *slot = resolve(x);
            }
            fr.lang = f.lang;
            fr.pc = f.pc;
            fr.ret_reg = f.ret_reg;
            fr.shadow.clear();
        } else {
            frames.truncate(depth);
            let mut fr = Frame::new(f.lang, code, f.regs.iter().map(&resolve).collect());
            fr.pc = f.pc;
            fr.ret_reg = f.ret_reg;
            frames.push(fr);
        }
        depth += 1;
    }
    frames.truncate(depth);
}

/// Builds the virtual objects of an exit's snapshot: allocates them all
/// first (they may refer to each other), then fills them.
fn build_virtuals<'gc>(
    mc: &Mutation<'gc>,
    ir: &TraceIr<'gc>,
    snap: &Snapshot,
    live: &[crate::jit::ir::Ref],
    buf: &[Value<'gc>],
) -> Vec<Value<'gc>> {
    // Snapshot values are mostly asked for in the order the exit stored
    // them, so the search starts where the last one was found: linear in the
    // snapshot's size rather than quadratic.
    let lookup = snap_lookup(ir, live, buf);
    // Virtuals: allocate all first (they may refer to each other), then fill.
    // Tuples are immutable: each is built, once its parts are, between the two.
    let mut objs: Vec<Value<'gc>> = snap
        .virtuals
        .iter()
        .map(|v| match v {
            Virtual::List(_) => heap::new_list(mc),
            Virtual::Dict(_) => heap::new_dict(mc),
            Virtual::Record(class, fields) => {
                // A record's class is fixed at allocation; a class that is itself virtual does not occur.
                let class = match class {
                    SnapValue::Ref(r) => lookup(*r),
                    SnapValue::Virtual(_) => Value::None,
                };
                heap::new_record(mc, class, vec![Value::None; fields.len()])
            }
            Virtual::Tuple(_) => Value::None,
        })
        .collect();
    for i in tuple_order(&snap.virtuals) {
        let Virtual::Tuple(parts) = &snap.virtuals[i] else {
            continue;
        };
        let vals: Vec<Value<'gc>> = parts
            .iter()
            .map(|p| match p {
                SnapValue::Ref(r) => lookup(*r),
                SnapValue::Virtual(j) => objs[*j as usize],
            })
            .collect();
        objs[i] = heap::new_tuple(mc, vals[0], &vals[1..]);
    }
    let resolve = |s: &SnapValue| -> Value<'gc> {
        match s {
            SnapValue::Ref(r) => lookup(*r),
            SnapValue::Virtual(i) => objs[*i as usize],
        }
    };
    for (v, obj) in snap.virtuals.iter().zip(&objs) {
        match v {
            Virtual::Tuple(_) => {}
            Virtual::List(items) => items
                .iter()
                .for_each(|x| heap::list_append(mc, *obj, resolve(x))),
            Virtual::Dict(entries) => entries
                .iter()
                .for_each(|(k, x)| heap::dict_set(mc, *obj, lookup(*k), resolve(x))),
            Virtual::Record(_, fields) => {
                for (i, x) in fields.iter().enumerate() {
                    heap::set_field(mc, *obj, i as u32, resolve(x));
                }
            }
        }
    }
    objs
}

/// How an exit's snapshot values are found: constants in the trace's pool,
/// the others in the exit's buffer at their position in `live`.
fn snap_lookup<'a, 'gc>(
    ir: &'a TraceIr<'gc>,
    live: &'a [crate::jit::ir::Ref],
    buf: &'a [Value<'gc>],
) -> impl Fn(crate::jit::ir::Ref) -> Value<'gc> + 'a {
    // Snapshot values are mostly asked for in the order the exit stored
    // them, so the search starts where the last one was found: linear in the
    // snapshot's size rather than quadratic.
    let cursor = std::cell::Cell::new(0usize);
    move |r| {
        if r.is_const() {
            ir.consts[r.index()]
        } else {
            let start = cursor.get().min(live.len());
            let i = live[start..]
                .iter()
                .position(|x| *x == r)
                .map(|i| i + start)
                .or_else(|| live[..start].iter().position(|x| *x == r))
                .expect("snapshot value missing from exit");
            cursor.set(i + 1);
            buf[i]
        }
    }
}

/// Replays an exit's delayed heap writes, in order; `objs` are the exit's
/// virtual objects, already built.
fn replay_pending<'gc>(
    mc: &Mutation<'gc>,
    ir: &TraceIr<'gc>,
    snap: &Snapshot,
    live: &[crate::jit::ir::Ref],
    buf: &[Value<'gc>],
    objs: &[Value<'gc>],
) {
    let lookup = snap_lookup(ir, live, buf);
    let resolve = |s: &SnapValue| -> Value<'gc> {
        match s {
            SnapValue::Ref(r) => lookup(*r),
            SnapValue::Virtual(i) => objs[*i as usize],
        }
    };
    for p in &snap.pending {
        match p {
            PendingWrite::DictSet(d, k, v) => {
                heap::dict_set(mc, resolve(d), resolve(k), resolve(v))
            }
            PendingWrite::ListAppend(l, v) => heap::list_append(mc, resolve(l), resolve(v)),
            PendingWrite::ListSet(l, i, v) => {
                heap::list_set(mc, resolve(l), int_of(resolve(i)), resolve(v))
            }
            PendingWrite::ListTruncate(l, n) => {
                heap::list_truncate(mc, resolve(l), int_of(resolve(n)))
            }
            PendingWrite::SetField(r, i, v) => heap::set_field(mc, resolve(r), *i, resolve(v)),
        }
    }
}

/// Runs one recording step of the top frame. `Some` ends the slice.
pub fn record_step<'gc>(
    mc: &'gc Mutation<'gc>,
    root: &mut Root<'gc>,
    langs: &[Box<dyn Language>],
    config: &Config,
) -> Option<Slice<'gc>> {
    let rec = root
        .jit
        .recorder
        .as_mut()
        .expect("record_step without a recorder");
    if let Some(p) = rec.paused {
        // The callee of a `call_trace` is done (the executor steps this
        // recording only once the frames above the caller are gone).
        let returned = rec.abort.is_none() && root.frames.len() == p.caller_depth + 1;
        match root.frames.last_mut() {
            Some(caller) if returned => rec.resume(caller),
            _ => {
                abort(
                    root,
                    langs,
                    config,
                    "the call the trace waited for did not return",
                );
                return None;
            }
        }
    }
    let Some(fr) = root.frames.last_mut() else {
        root.jit.recorder = None;
        return None;
    };
    let lang = &langs[fr.lang as usize];
    let mut m = Recording::new(mc, rec);
    let action = lang.step_recording(&mut m, fr);
    match action {
        Action::Yield | Action::Jit => {
            if m.rec.closed {
                finish(mc, root, langs, config);
            } else {
                let reason = m
                    .rec
                    .abort
                    .clone()
                    .unwrap_or_else(|| "the interpreter yielded while recording".into());
                abort(root, langs, config, &reason);
            }
            None
        }
        Action::Call { callee, args } => {
            let id = match exec::check_call(mc, &root.frames, langs, config, callee) {
                Ok(id) => id,
                Err(exc) => {
                    abort(root, langs, config, "the call raises");
                    return exec::unwind(mc, root, langs, exc);
                }
            };
            let mut frame = match langs[id as usize].enter_recording(&mut m, callee, args) {
                Ok(frame) => frame,
                Err(exc) => {
                    abort(root, langs, config, "exception while entering a call");
                    return exec::unwind(mc, root, langs, exc);
                }
            };
            let caller_depth = root.frames.len() - 1;
            let caller = root.frames.last().expect("caller frame");
            let target = call_target(
                &root.jit.loops,
                &mut root.jit.entry_cells,
                m.rec,
                &frame,
                caller,
            );
            match target {
                CallTarget::Inline(callable) => {
                    m.rec.frame_pushed(caller, callable);
                    root.frames.push(frame);
                    None
                }
                CallTarget::Trace(cell) => {
                    m.rec.call_trace(cell, caller, &frame, caller_depth);
                    // The interpreter runs the callee (its compiled code if
                    // it has some); the recording resumes at its return.
                    frame.shadow.clear();
                    root.frames.push(frame);
                    // The slice's fuel is not at hand here: compiled code
                    // the callee enters gets a slice of its own.
                    at_function_entry(mc, root, config, &mut config.fuel.clone())
                }
                CallTarget::CompileFirst(key) => {
                    m.rec.hot_function = Some(key);
                    abort(
                        root,
                        langs,
                        config,
                        "a call of a function to be called through its trace, which it has not yet",
                    );
                    frame.shadow.clear();
                    root.frames.push(frame);
                    None
                }
            }
        }
        Action::Return(v) => {
            // A bridge that returns from its root frame ends there: it
            // leaves through the return instruction's snapshot, and the
            // interpreter does the return (the caller is not in the trace).
            let returns_from_root = m.rec.inlined_depth() == 0;
            if returns_from_root && m.rec.kind != TraceKind::Loop {
                m.rec.close_at_return(v.r);
                // Named now: the frame is about to go.
                if let Some(top) = root.frames.last() {
                    m.rec.label = Some(frame_name(langs, top, m.rec.key));
                }
            }
            let closed = m.rec.closed && m.rec.abort.is_none();
            let inside = m.rec.frame_popped();
            root.frames.pop();
            match root.frames.last_mut() {
                Some(caller) if inside => {
                    let r = caller.ret_reg as usize;
                    m.set_reg(caller, r, v);
                    None
                }
                Some(caller) => {
                    let r = caller.ret_reg as usize;
                    caller.regs[r] = v.v;
                    if closed {
                        finish(mc, root, langs, config);
                    } else {
                        abort(root, langs, config, "returned from the trace's root frame");
                    }
                    None
                }
                None => {
                    root.result = v.v;
                    abort(root, langs, config, "returned from the outermost frame");
                    Some(Slice::Done(v.v))
                }
            }
        }
        Action::Raise(exc) => {
            abort(root, langs, config, "exception raised while recording");
            exec::unwind(mc, root, langs, exc)
        }
    }
}

/// How the recording follows a call.
enum CallTarget {
    /// Into the callee's code (the callee's frame is part of the trace);
    /// with the callee's function when its trace could be called instead.
    Inline(Option<GreenKey>),
    /// A `call_trace` of the function trace whose entry is in this cell.
    Trace(usize),
    /// The callee should be called through its trace, which it does not
    /// have yet: stop, and record the callee first.
    CompileFirst(GreenKey),
}

/// How the recording follows a call from `caller` into the function whose
/// new frame is `callee`. Recursion is not unrolled: a call of the function
/// being recorded, or of one already in the trace, becomes a `call_trace`
/// of its trace (which exists, or is this one). So does a call of a function
/// with a loop in it (`LoopInfo::has_loop`), which is where the trace of
/// its loop can be run from.
fn call_target<'gc>(
    loops: &rustc_hash::FxHashMap<GreenKey, crate::jit::LoopInfo>,
    entry_cells: &mut rustc_hash::FxHashMap<GreenKey, Box<std::cell::Cell<usize>>>,
    rec: &Recorder<'gc>,
    callee: &Frame<'gc>,
    caller: &Frame<'gc>,
) -> CallTarget {
    let key = GreenKey::function(callee.code);
    let info = loops.get(&key);
    let blacklisted = info.is_some_and(|i| i.blacklisted);
    // A frame that does not start at the function's entry (a resumed
    // generator) can only be inlined; so can one whose register count is
    // not the one the function's trace takes.
    let callable = callee.pc == 0
        && !blacklisted
        && info
            .and_then(|i| i.entry_regs)
            .is_none_or(|n| n == callee.regs.len());
    if !callable {
        return CallTarget::Inline(None);
    }
    let own = rec.key == key;
    let recursive = own || rec.runs_code(callee.code, caller);
    let has_loop = info.is_some_and(|i| i.has_loop);
    if !recursive && !has_loop {
        return CallTarget::Inline(Some(key));
    }
    let recorded = info.is_some_and(|i| i.entry_regs.is_some());
    if own || info.is_some_and(|i| i.trace.is_some()) {
        let cell = entry_cells.entry(key).or_default();
        return CallTarget::Trace(cell.as_ptr() as usize);
    }
    if !recorded && !has_loop {
        // A recursive call of a function never recorded: unrolled.
        return CallTarget::Inline(Some(key));
    }
    CallTarget::CompileFirst(key)
}

/// Gives up the current recording.
fn abort<'gc>(root: &mut Root<'gc>, langs: &[Box<dyn Language>], config: &Config, reason: &str) {
    let Some(rec) = root.jit.recorder.take() else {
        return;
    };
    clear_shadows(&mut root.frames);
    // Where the recording stopped, when that is not the trace's root frame.
    let at = match root.frames.last() {
        Some(top) if root.frames.len() > rec.root_depth + 1 => {
            let info = langs[top.lang as usize].frame_info(top);
            format!(" (in {}, line {})", info.name, info.line)
        }
        _ => String::new(),
    };
    let line = format!(
        "jit: abort {}: {}{}",
        key_name(root, langs, &rec),
        reason,
        at
    );
    if config.log_jit {
        eprintln!("{line}");
    }
    if root.jit.stats.aborts.len() < 100 {
        root.jit.stats.aborts.push(line);
    }
    if let Some(inner) = rec.hot_inner {
        // Not the outer loop's fault: compile the inner loop first (it
        // records the next time its header is reached), then the outer trace
        // will end at its header.
        let hot = root.jit.hot_loop;
        let info = root.jit.loops.entry(inner).or_default();
        info.count = info.count.max(hot.saturating_sub(1));
        if let TraceKind::Loop = rec.kind {
            root.jit.loops.entry(rec.key).or_default().count = 0;
            return;
        }
    }
    if let Some(f) = rec.loop_in_callee {
        root.jit.loops.entry(f).or_default().has_loop = true;
    }
    if let Some(f) = rec.hot_function {
        // The trace met a recursive call of a function with no trace of
        // its own: record that function next time it is entered, and this
        // trace will call it.
        let info = root.jit.loops.entry(f).or_default();
        info.count = info.count.max(root.jit.hot_function.saturating_sub(1));
        if !matches!(rec.kind, TraceKind::Bridge { .. }) {
            root.jit.loops.entry(rec.key).or_default().count = 0;
            return;
        }
    }
    match rec.kind {
        TraceKind::Loop | TraceKind::Function => {
            let max = root.jit.max_aborts;
            let info = root.jit.loops.entry(rec.key).or_default();
            info.aborts += 1;
            if info.aborts >= max {
                info.blacklisted = true;
            }
        }
        TraceKind::Bridge { parent, exit } => {
            // Try again after another round of failures, a few times at most.
            let max = root.jit.max_aborts;
            if let Some(Some(p)) = root.jit.traces.get_mut(parent) {
                let e = exit as usize;
                p.bridge_aborts[e] = p.bridge_aborts[e].saturating_add(1);
                p.exit_counts[e] = if u32::from(p.bridge_aborts[e]) >= max {
                    GIVEN_UP
                } else {
                    0
                };
            }
        }
    }
}

fn key_name(root: &Root<'_>, langs: &[Box<dyn Language>], rec: &Recorder<'_>) -> String {
    if let Some(label) = &rec.label {
        return label.clone();
    }
    match root.frames.get(rec.root_depth).or(root.frames.last()) {
        Some(fr) => frame_name(langs, fr, rec.key),
        None => rec.key.to_string(),
    }
}

/// `lang:file:function@pc` (`@entry` for a function's trace).
fn frame_name(langs: &[Box<dyn Language>], fr: &Frame<'_>, key: GreenKey) -> String {
    let lang = &langs[fr.lang as usize];
    let info = lang.frame_info(fr);
    let at = if key.pc == crate::jit::FUNCTION_PC {
        "entry".to_string()
    } else {
        key.pc.to_string()
    };
    format!("{}:{}:{}@{}", lang.name(), info.file, info.name, at)
}

fn clear_shadows(frames: &mut [Frame<'_>]) {
    for fr in frames {
        fr.shadow.clear();
    }
}

/// Optimises, compiles and installs the closed recording.
fn finish<'gc>(
    mc: &'gc Mutation<'gc>,
    root: &mut Root<'gc>,
    langs: &[Box<dyn Language>],
    config: &Config,
) {
    let Some(rec) = root.jit.recorder.take() else {
        return;
    };
    clear_shadows(&mut root.frames);
    let name = key_name(root, langs, &rec);
    let n = root.jit.traces.len();
    let mut ir = rec.trace;
    strip_unused_label(&mut ir);
    let recorded = ir.work_len();
    if config.log_jit {
        eprintln!(
            "jit: trace {n} ({name}) recorded, {recorded} ops:\n{}",
            ir.to_text()
        );
    }
    opt::optimize(mc, &mut ir);
    let (preamble, body) = split_counts(&ir);
    if config.log_jit {
        eprintln!(
            "jit: trace {n} ({name}) optimised, {} ops:\n{}",
            preamble + body,
            ir.to_text()
        );
    }
    let exit_kinds = exit_kinds(&ir);
    let exit_cells: Box<[std::cell::Cell<usize>]> =
        exit_kinds.iter().map(|_| std::cell::Cell::new(0)).collect();
    let loopbacks = Box::new(std::cell::Cell::new(0i64));
    let counter = loopbacks.as_ptr() as usize;
    let link = linkage(
        &mut root.jit,
        &ir,
        n,
        rec.kind,
        rec.key,
        &exit_kinds,
        &exit_cells,
        counter,
    );
    let linked_inputs = link.inputs.is_some();
    let quick = config.tier_up > 0 && root.jit.stats.compiled >= u64::from(config.tier_after);
    let tier_count = quick.then(|| Box::new(std::cell::Cell::new(0i64)));
    let link = Linkage {
        tier_counter: tier_count.as_ref().map(|c| c.as_ptr() as usize),
        ..link
    };
    match backend::compile_linked(&ir, &link) {
        Ok(code) => {
            root.jit.stats.compiled += 1;
            let exits = code.exits().len();
            debug_assert_eq!(exit_kinds.len(), exits, "one exit per guard");
            root.jit.buf_need = root.jit.buf_need.max(code.buf_len());
            let entry = code.link_entry();
            if config.log_jit {
                eprintln!("jit: trace {n} compiled: {recorded} ops recorded, {body} ops after optimisation");
                if preamble > 0 {
                    eprintln!("jit: trace {n} preamble: {preamble} ops");
                }
                if let TraceKind::Bridge { parent, exit } = rec.kind {
                    let how = if linked_inputs {
                        "linked"
                    } else {
                        "entered by the driver (the exit builds objects)"
                    };
                    eprintln!("jit: trace {n} is a bridge from trace {parent} exit {exit}, {how}");
                }
            }
            let tree_root = match rec.kind {
                TraceKind::Bridge { parent, .. } => root
                    .jit
                    .traces
                    .get(parent)
                    .and_then(|p| p.as_ref())
                    .map_or(n, |p| p.tree_root),
                TraceKind::Loop | TraceKind::Function => n,
            };
            root.jit.traces.push(Some(CompiledTrace {
                ir,
                code,
                key: rec.key,
                kind: rec.kind,
                exit_counts: vec![0; exits],
                bridge_aborts: vec![0; exits],
                exits_taken: vec![0; exits],
                bridges: vec![None; exits],
                exit_kinds,
                entries: 0,
                exit_cells,
                linked_inputs,
                loopbacks,
                tree_root,
                tree_bridges: 0,
                tier_count,
            }));
            if quick {
                root.jit.quick_traces.push(n);
            }
            if tree_root != n {
                if let Some(Some(r)) = root.jit.traces.get_mut(tree_root) {
                    r.tree_bridges += 1;
                }
            }
            match rec.kind {
                TraceKind::Loop | TraceKind::Function => {
                    root.jit.loops.entry(rec.key).or_default().trace = Some(n);
                    root.jit.set_entry_cell(rec.key, entry);
                }
                TraceKind::Bridge { parent, exit } => {
                    if let Some(Some(p)) = root.jit.traces.get_mut(parent) {
                        p.bridges[exit as usize] = Some(n);
                        if linked_inputs {
                            p.exit_cells[exit as usize].set(entry);
                        }
                    }
                }
            }
        }
        Err(e) => {
            if config.log_jit {
                eprintln!("jit: abort {name}: backend: {e}");
            }
            if matches!(rec.kind, TraceKind::Loop | TraceKind::Function) {
                let info = root.jit.loops.entry(rec.key).or_default();
                info.blacklisted = true;
            }
        }
    }
}

/// Recompiles for speed the first-tier traces whose code has done more
/// than [`Config::tier_up`] units of work (loop iterations, entries of
/// straight-line code) since they were compiled; called once per slice.
///
/// Most traces of a branchy program run a few dozen times: compiled with
/// Cranelift's optimiser and backtracking register allocator they cost
/// more to compile than they ever save (chat_parser on the clause-level
/// Prolog engine: 778 traces, 21% of the run in Cranelift). So every trace
/// after a run's first [`Config::tier_after`] (its hot loops) is first
/// compiled quickly, and only the ones that turn out hot are compiled
/// again, like the tiers of a method JIT. The new code takes the
/// old one's place in every cell that pointed at it; the old code is kept
/// (code that was running it may still return into it), see
/// [`JitState::retired_code`](crate::jit::JitState::retired_code).
pub fn tier_up(root: &mut Root<'_>, config: &Config) {
    let jit = &mut root.jit;
    let limit = i64::from(config.tier_up);
    let mut k = 0;
    while k < jit.quick_traces.len() {
        let t = jit.quick_traces[k];
        let hot = jit.traces[t]
            .as_ref()
            .and_then(|tr| tr.tier_count.as_ref())
            .is_some_and(|c| c.get() >= limit);
        if !hot {
            k += 1;
            continue;
        }
        jit.quick_traces.swap_remove(k);
        recompile_for_speed(jit, t, config);
    }
}

/// Compiles trace `t` again without the first tier's counter and settings,
/// and makes its loop's entry cell or its parent's exit cell lead to the
/// new code. Keeps the quick code if the new one's exits differ (bridges
/// read their parent's exit layout) or the backend fails.
fn recompile_for_speed(jit: &mut crate::jit::JitState<'_>, t: usize, config: &Config) {
    // Out of the table while the linkage reads the rest of the JIT's state.
    let Some(mut tr) = jit.traces[t].take() else {
        return;
    };
    let counter = tr.loopbacks.as_ptr() as usize;
    // The cells stay where they are: the linkage is rebuilt around them.
    let link = linkage(
        jit,
        &tr.ir,
        t,
        tr.kind,
        tr.key,
        &tr.exit_kinds,
        &tr.exit_cells,
        counter,
    );
    let same_layout = |code: &backend::CompiledCode| {
        code.exits() == tr.code.exits() && code.buf_len() == tr.code.buf_len()
    };
    match backend::compile_linked(&tr.ir, &link) {
        Ok(code) if same_layout(&code) => {
            let (old_entry, new_entry) = (tr.code.link_entry(), code.link_entry());
            let cell = match tr.kind {
                TraceKind::Loop | TraceKind::Function => jit.entry_cells.get(&tr.key).map(|c| &**c),
                TraceKind::Bridge { parent, exit } => jit
                    .traces
                    .get(parent)
                    .and_then(|p| p.as_ref())
                    .map(|p| &p.exit_cells[exit as usize]),
            };
            // A cell that no longer holds this code (a loop being traced
            // again, an unlinked exit) is left alone.
            if let Some(cell) = cell.filter(|c| c.get() == old_entry) {
                cell.set(new_entry);
            }
            let old = std::mem::replace(&mut tr.code, code);
            tr.tier_count = None;
            jit.retired_code.push(old);
            jit.stats.recompiled += 1;
            if config.log_jit {
                eprintln!("jit: trace {t} recompiled for speed");
            }
        }
        Ok(_) | Err(_) => {
            if config.log_jit {
                eprintln!("jit: trace {t} stays in the first tier");
            }
        }
    }
    jit.traces[t] = Some(tr);
}

/// How trace `n` (being compiled) links to other code:
/// - a guard exit without virtual objects tail-calls through its own cell
///   of `exit_cells`, which gets the bridge grown there (that bridge reads
///   the exit's buffer);
/// - an `exit` op whose snapshot is one plain frame (no virtual objects, no
///   delayed writes) tail-calls the compiled loop at that header, through
///   the loop's entry cell, with the frame's registers as its inputs;
/// - a bridge whose parent exit's snapshot has no virtual objects or
///   delayed writes reads its inputs from that exit's buffer.
///
/// A bridge's `exit` into its own loop counts in `counter` (see [`note_loopback`]).
fn linkage<'gc>(
    jit: &mut crate::jit::JitState<'gc>,
    ir: &TraceIr<'gc>,
    n: usize,
    trace_kind: TraceKind,
    key: GreenKey,
    exit_kinds: &[ExitKind],
    exit_cells: &[std::cell::Cell<usize>],
    counter: usize,
) -> Linkage<'gc> {
    let snaps: Vec<_> = ir
        .ops
        .iter()
        .filter(|i| i.op.is_guard())
        .map(|i| i.snap)
        .collect();
    let exits = exit_kinds
        .iter()
        .enumerate()
        .map(|(e, kind)| match kind {
            ExitKind::Guard => snaps[e].map(|_| ExitLink {
                cell: exit_cells[e].as_ptr() as usize,
                frame_regs: None,
                loopbacks: None,
            }),
            ExitKind::Fuel | ExitKind::Call => None,
            ExitKind::Exit => {
                let snap = &ir.snapshots[snaps[e]? as usize];
                let [frame] = &snap.frames[..] else {
                    return None;
                };
                if !frame.code.is_const() {
                    return None;
                }
                let regs = frame.regs.clone();
                let own = key;
                let key = GreenKey {
                    code: ir.consts[frame.code.index()].payload_bits() as usize,
                    pc: frame.pc,
                };
                let own_loop = key == own && retraces_may_help(jit, trace_kind);
                Some(ExitLink {
                    cell: jit.entry_cell(key),
                    frame_regs: Some(regs),
                    loopbacks: own_loop.then_some((counter, RETRACE_LOOPBACKS as i64)),
                })
            }
        })
        .collect();
    let inputs = match trace_kind {
        TraceKind::Loop | TraceKind::Function => None,
        TraceKind::Bridge { parent, exit } => jit
            .traces
            .get(parent)
            .and_then(|p| p.as_ref())
            .and_then(|p| exit_inputs(p, exit as usize)),
    };
    Linkage {
        trace_id: n as u32,
        exits,
        inputs,
        tier_counter: None,
    }
}

/// Where the registers of exit `exit`'s frames are in that exit's buffer,
/// in frame order (the order a bridge recorded from them numbers its
/// inputs): the exit's live values, then its virtual objects, which the
/// linked exit builds there (it also does the delayed writes).
fn exit_inputs<'gc>(parent: &CompiledTrace<'gc>, exit: usize) -> Option<Vec<InputSource<'gc>>> {
    let info = parent.code.exits().get(exit)?;
    let snap = &parent.ir.snapshots[info.snap as usize];
    let mut out = Vec::new();
    for f in &snap.frames {
        for r in &f.regs {
            out.push(match r {
                SnapValue::Ref(r) if r.is_const() => {
                    InputSource::Const(parent.ir.consts[r.index()])
                }
                SnapValue::Ref(r) => {
                    InputSource::Buf(info.live.iter().position(|x| x == r)? as u32)
                }
                SnapValue::Virtual(i) => InputSource::Buf((info.live.len() + *i as usize) as u32),
            });
        }
    }
    Some(out)
}

/// Work ops before the label (preamble) and from the label on (the loop, or
/// the whole trace when there is no preamble).
pub fn split_counts(ir: &TraceIr<'_>) -> (usize, usize) {
    let work = |ops: &[crate::jit::ir::Inst]| ops.iter().filter(|i| !i.op.is_structural()).count();
    match ir.label_pos() {
        Some(l) => (work(&ir.ops[..l]), work(&ir.ops[l..])),
        None => (0, work(&ir.ops)),
    }
}

/// A loop trace that ended at another loop's header never jumps back: drop
/// its label, and let the params' uses refer to the inputs directly.
fn strip_unused_label(ir: &mut TraceIr<'_>) {
    if ir.ops.iter().any(|i| matches!(i.op, Op::Jump(_))) {
        return;
    }
    let Some(l) = ir.label_pos() else { return };
    let Op::Label(args) = ir.ops[l].op.clone() else {
        return;
    };
    let mut map: Vec<crate::jit::ir::Ref> = Vec::with_capacity(ir.ops.len());
    let mut ops = Vec::with_capacity(ir.ops.len());
    for (i, inst) in ir.ops.drain(..).enumerate() {
        match inst.op {
            Op::Label(_) => map.push(crate::jit::ir::Ref::op(0)), // no value; never referred to
            Op::Param(k) => map.push(args[k as usize]),
            _ => {
                let mut inst = inst;
                inst.op
                    .map_args(|r| if r.is_const() { r } else { map[r.index()] });
                ops.push(inst);
                map.push(crate::jit::ir::Ref::op(ops.len() - 1));
            }
        }
        debug_assert_eq!(map.len(), i + 1);
    }
    // Arguments of the label were defined before it, so they were already mapped.
    ir.ops = ops;
    for s in &mut ir.snapshots {
        s.map_refs(|r| if r.is_const() { r } else { map[r.index()] });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::ir::{Ref, SnapFrame};

    #[test]
    fn deoptimize_builds_virtuals_replays_writes_and_pushes_inlined_frames() {
        gc_arena::arena::rootless_mutate(|mc| {
            let mut ir = TraceIr::default();
            let code_a = heap::new_code(mc, 0, Box::new(()), vec![]);
            let code_b = heap::new_code(mc, 1, Box::new(()), vec![]);
            let ca = ir.konst(code_a);
            let cb = ir.konst(code_b);
            let key = ir.konst(heap::new_str(mc, "x"));
            let seven = ir.konst(Value::Int(7));
            // Two live values come from the exit buffer: v0 (a dict) and v1 (an int).
            let v0 = ir.push(Op::Input(0), None);
            let v1 = ir.push(Op::Input(1), None);
            let snap = Snapshot {
                frames: vec![
                    SnapFrame {
                        lang: 0,
                        code: ca,
                        pc: 5,
                        ret_reg: 2,
                        regs: vec![SnapValue::Ref(v0), SnapValue::Virtual(0)],
                    },
                    SnapFrame {
                        lang: 1,
                        code: cb,
                        pc: 3,
                        ret_reg: 0,
                        regs: vec![SnapValue::Virtual(1), SnapValue::Ref(seven)],
                    },
                ],
                virtuals: vec![
                    Virtual::List(vec![SnapValue::Ref(v1), SnapValue::Virtual(1)]),
                    Virtual::Dict(vec![(key, SnapValue::Ref(v1))]),
                ],
                pending: vec![PendingWrite::DictSet(
                    SnapValue::Ref(v0),
                    SnapValue::Ref(key),
                    SnapValue::Virtual(0),
                )],
            };
            let live: Vec<Ref> = vec![v0, v1];
            let dict = heap::new_dict(mc);
            let buf = vec![dict, Value::Int(42)];
            let below = Frame::new(0, code_a, vec![]);
            let root = Frame::new(0, code_a, vec![Value::None, Value::None]);
            let mut frames = vec![below, root];
            deoptimize(mc, &mut frames, 1, &ir, &snap, &live, &buf);

            assert_eq!(
                frames.len(),
                3,
                "the frame below the root is kept, the inlined one pushed"
            );
            assert_eq!(frames[1].pc, 5);
            assert_eq!(frames[1].ret_reg, 2);
            assert!(frames[1].regs[0].same(&dict));
            assert_eq!(format!("{:?}", frames[1].regs[1]), r#"[42, {"x": 42}]"#);
            assert_eq!(frames[2].lang, 1);
            assert_eq!(frames[2].pc, 3);
            assert_eq!(format!("{:?}", frames[2].regs[0]), r#"{"x": 42}"#);
            assert_eq!(format!("{:?}", frames[2].regs[1]), "7");
            // The virtual dict is one object, shared by the list and the inlined frame.
            let in_list = heap::list_get(frames[1].regs[1], 1);
            assert!(in_list.same(&frames[2].regs[0]));
            // The pending write ran, after the virtuals were built.
            let written = heap::dict_get(dict, heap::new_str(mc, "x"));
            assert!(written.same(&frames[1].regs[1]));
        });
    }

    /// Virtual tuples are built once their parts are, whatever their
    /// order in the snapshot: here a tuple holding a tuple (numbered after
    /// it) and a list that holds the outer tuple (a cycle through the list,
    /// which is allocated first and filled last).
    #[test]
    fn deoptimize_builds_virtual_tuples_after_their_parts() {
        gc_arena::arena::rootless_mutate(|mc| {
            let mut ir = TraceIr::default();
            let code = heap::new_code(mc, 0, Box::new(()), vec![]);
            let c = ir.konst(code);
            let f = ir.konst(heap::new_str(mc, "f"));
            let g = ir.konst(heap::new_str(mc, "g"));
            let v0 = ir.push(Op::Input(0), None);
            let snap = Snapshot {
                frames: vec![SnapFrame {
                    lang: 0,
                    code: c,
                    pc: 1,
                    ret_reg: 0,
                    regs: vec![SnapValue::Virtual(0), SnapValue::Virtual(2)],
                }],
                virtuals: vec![
                    Virtual::Tuple(vec![
                        SnapValue::Ref(f),
                        SnapValue::Virtual(1),
                        SnapValue::Virtual(2),
                    ]),
                    Virtual::Tuple(vec![SnapValue::Ref(g), SnapValue::Ref(v0)]),
                    Virtual::List(vec![SnapValue::Virtual(0)]),
                ],
                pending: vec![],
            };
            let root = Frame::new(0, code, vec![Value::None, Value::None]);
            let mut frames = vec![root];
            deoptimize(mc, &mut frames, 0, &ir, &snap, &[v0], &[Value::Int(5)]);
            let (outer, list) = (frames[0].regs[0], frames[0].regs[1]);
            assert_eq!(heap::tuple_len(outer), 2);
            assert_eq!(heap::tuple_head(outer).as_str(), Some("f"));
            let inner = heap::tuple_get(outer, 0);
            assert_eq!(heap::tuple_head(inner).as_str(), Some("g"));
            assert!(heap::tuple_get(inner, 0).same(&Value::Int(5)));
            assert!(heap::tuple_get(outer, 1).same(&list));
            assert!(heap::list_get(list, 0).same(&outer));
        });
    }

    #[test]
    fn a_loop_left_through_its_bridges_every_iteration_is_recorded_again() {
        gc_arena::arena::rootless_mutate(|mc| {
            let code = heap::new_code(mc, 0, Box::new(()), vec![]);
            let mut fr = Frame::new(0, code, vec![Value::Int(0)]);
            fr.pc = 4;
            let key = GreenKey::of(&fr, 4);
            let mut root = Root {
                frames: vec![fr],
                jit: crate::jit::JitState::default(),
                lang_state: vec![],
                result: Value::None,
                traceback: vec![],
            };
            root.jit.loops.entry(key).or_default().trace = Some(0);
            for round in 1..=MAX_RETRACES + 1 {
                for _ in 0..RETRACE_LOOPBACKS - 1 {
                    note_loopback(&mut root, 0, key, 0);
                }
                assert_eq!(root.jit.loops[&key].trace, Some(0), "not yet");
                note_loopback(&mut root, 0, key, 0);
                let info = &root.jit.loops[&key];
                if round <= MAX_RETRACES {
                    assert_eq!(info.trace, None, "dropped, to be recorded again");
                    assert_eq!(info.retraces, round);
                    root.jit.loops.get_mut(&key).unwrap().trace = Some(0);
                } else {
                    assert_eq!(info.trace, Some(0), "kept after {MAX_RETRACES} retraces");
                }
            }
            // A bridge that ends anywhere but at its loop's header counts nothing.
            root.frames[0].pc = 5;
            let before = root.jit.loops[&key].loopbacks;
            note_loopback(&mut root, 0, key, 0);
            assert_eq!(root.jit.loops[&key].loopbacks, before);
        });
    }

    #[test]
    fn a_label_without_a_jump_is_removed() {
        gc_arena::arena::rootless_mutate(|mc| {
            let text_ops = |ir: &TraceIr<'_>| ir.to_text();
            let mut ir = TraceIr::default();
            let i0 = ir.push(Op::Input(0), None);
            ir.push(Op::Label(vec![i0]), None);
            let p0 = ir.push(Op::Param(0), None);
            let one = ir.konst(Value::Int(1));
            ir.snapshots.push(Snapshot::default());
            let s = ir.push(Op::IntOvf(crate::jit::ir::OvfOp::Add, p0, one), Some(0));
            ir.snapshots[0].frames.push(SnapFrame {
                lang: 0,
                code: one,
                pc: 0,
                ret_reg: 0,
                regs: vec![SnapValue::Ref(s)],
            });
            ir.push(Op::Exit, Some(0));
            let _ = mc;
            strip_unused_label(&mut ir);
            assert_eq!(text_ops(&ir), "v0 = input 0\nv1 = int_add_ovf v0, 1 @0\nexit @0\nsnapshot @0\n  frame lang=0 code=1 pc=0 ret=0 regs=[v1]\n");
        });
    }
}
