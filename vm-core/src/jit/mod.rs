//! The meta-tracing JIT: hot-loop counters, the recorder, the optimiser, the
//! Cranelift backend, and deoptimisation back into interpreter frames.
//!
//! - [`ir`]: the trace IR; [`ir_print`] and [`ir_parse`] its text form.
//! - [`recorder`]: the `Recording` instance of [`crate::meta::Meta`].
//! - [`opt`]: the optimiser, one pass per file.
//! - [`backend`]: lowering to Cranelift and running compiled traces.
//! - [`driver`]: what the executor does at merge points and exits.

pub mod backend;
pub mod driver;
pub mod helpers;
pub mod ir;
pub mod ir_parse;
pub mod ir_print;
pub mod opt;
pub mod recorder;
pub mod stopwatch;

use gc_arena::Collect;
use rustc_hash::FxHashMap;

use crate::exec::Frame;
use crate::value::Value;

/// Identifies a loop for the JIT: the code object's address and the pc of the loop header.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct GreenKey {
    /// Address of the code object (kept alive by any trace that uses the key).
    pub code: usize,
    /// The loop header's pc.
    pub pc: u32,
}

impl GreenKey {
    /// The key of `fr`'s loop header at `pc`.
    pub fn of(fr: &Frame<'_>, pc: u32) -> GreenKey {
        GreenKey {
            code: fr.code.payload_bits() as usize,
            pc,
        }
    }
}

/// The `pc` of a function's [`GreenKey`]: its entry, which no loop header
/// can be (a loop header at pc 0 is a different key).
pub const FUNCTION_PC: u32 = u32::MAX;

impl GreenKey {
    /// The key of the entry of `code`'s function (see [`FUNCTION_PC`]).
    pub fn function(code: Value<'_>) -> GreenKey {
        GreenKey {
            code: code.payload_bits() as usize,
            pc: FUNCTION_PC,
        }
    }
}

/// What the executor does on entering a function (see [`JitState::function_entry`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FunctionEntry {
    /// Interpret it.
    Interpret,
    /// Run its compiled trace (index into [`JitState::traces`]).
    Run(usize),
    /// It is hot: record a trace from here.
    Record,
}

/// Calls of a function from the interpreter before its trace is recorded
/// (the default of [`crate::exec::Config::hot_function`]).
pub const HOT_FUNCTION: u32 = 100;

/// The exit of a trace that ran as the callee of a `call_trace` and left
/// machine code: its caller's exit is taken next, and the executor rebuilds
/// this exit's frames above that exit's frames.
#[derive(Collect)]
#[collect(no_drop)]
pub struct NestedExit<'gc> {
    /// The trace whose exit it is.
    #[collect(require_static)]
    pub trace: u32,
    /// The exit's index.
    #[collect(require_static)]
    pub exit: u32,
    /// The buffer as the exit left it.
    pub values: Vec<Value<'gc>>,
}

impl std::fmt::Display for GreenKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#x}@{}", self.code, self.pc)
    }
}

/// What the JIT knows about one loop header.
#[derive(Default, Clone, Debug)]
pub struct LoopInfo {
    /// Times the merge point was reached in the plain interpreter.
    pub count: u32,
    /// Times recording from here was aborted.
    pub aborts: u32,
    /// No longer traced: aborted too often.
    pub blacklisted: bool,
    /// The compiled loop, index into `JitState::traces`.
    pub trace: Option<usize>,
    /// Iterations that left the loop's trace and came back to its header
    /// through a bridge (see `driver::note_loopback`).
    pub loopbacks: u32,
    /// Times the loop was recorded afresh because of such iterations.
    pub retraces: u32,
    /// For a function: the number of registers of the frame its trace was
    /// recorded from (a `call_trace` passes exactly that many).
    pub entry_regs: Option<usize>,
    /// For a function: a trace met a loop header in an inlined call of it,
    /// so traces call it (`call_trace`) instead of inlining it.
    pub has_loop: bool,
}

/// The JIT's state, rooted in the arena so trace constants stay alive.
#[derive(Collect)]
#[collect(no_drop)]
pub struct JitState<'gc> {
    /// Per-loop counters and compiled traces.
    #[collect(require_static)]
    pub loops: FxHashMap<GreenKey, LoopInfo>,
    /// Compiled traces (loops and bridges); `None` once freed.
    pub traces: Vec<Option<driver::CompiledTrace<'gc>>>,
    /// The trace being recorded, if any.
    pub recorder: Option<recorder::Recorder<'gc>>,
    /// Settings copied from the VM's config.
    #[collect(require_static)]
    pub enabled: bool,
    /// Hot-loop threshold.
    #[collect(require_static)]
    pub hot_loop: u32,
    /// Hot-function threshold.
    #[collect(require_static)]
    pub hot_function: u32,
    /// Blacklisting threshold.
    #[collect(require_static)]
    pub max_aborts: u32,
    /// A guard exit resumed the interpreter at this merge point: interpret
    /// it once before entering compiled code there again, so an exit that
    /// resumes at a loop header always makes progress.
    #[collect(require_static)]
    pub skip_once: Option<GreenKey>,
    /// Counters for tests and the log.
    #[collect(require_static)]
    pub stats: JitStats,
    /// The buffer traces read their inputs from and write their exits to,
    /// kept between entries so entering a trace allocates nothing.
    pub buf: Vec<Value<'gc>>,
    /// The longest buffer any compiled trace needs: code linked in machine
    /// code may run through several traces on one entry.
    #[collect(require_static)]
    pub buf_need: usize,
    /// Per loop header, the word through which exits that end at that
    /// header tail-call its compiled loop (the code's `link_entry`, or 0
    /// while there is none). Boxed: compiled code holds the word's address.
    #[collect(require_static)]
    pub entry_cells: FxHashMap<GreenKey, Box<std::cell::Cell<usize>>>,
    /// Exits of traces called by `call_trace` that left machine code, in
    /// the order they left (innermost first), until the driver rebuilds
    /// their frames.
    pub nested: Vec<NestedExit<'gc>>,
    /// Register vectors of returned frames, emptied, for the next frames:
    /// a call then allocates no vector. mimalloc serves a block that is
    /// freed and allocated again and again from its slow path (its page's
    /// free list is empty each time): 130 instructions of every Python call.
    pub regs_pool: Vec<Vec<Value<'gc>>>,
    /// Traces whose code is still the quickly compiled first tier (see
    /// [`driver::tier_up`]).
    #[collect(require_static)]
    pub quick_traces: Vec<usize>,
    /// First-tier code replaced by faster code. Never freed while the VM
    /// runs: a frame of it may still be on the native stack below a helper
    /// that re-entered the executor, and exits of linked code return
    /// through it.
    #[collect(require_static)]
    pub retired_code: Vec<backend::CompiledCode>,
}

/// What the JIT has done so far.
#[derive(Clone, Debug, Default)]
pub struct JitStats {
    /// Traces compiled (loops and bridges).
    pub compiled: u64,
    /// Recordings aborted, with their reasons (the first 100).
    pub aborts: Vec<String>,
    /// Entries into compiled code (loops and bridges).
    pub entries: u64,
    /// Guard exits taken.
    pub exits: u64,
    /// Frames of inlined calls rebuilt by exits (beyond each exit's root frame).
    pub inlined_frames_rebuilt: u64,
    /// Languages of the frames rebuilt by exits that rebuilt more than one frame.
    pub rebuilt_langs: Vec<crate::heap::LangId>,
    /// Exits of traces called by `call_trace` whose frames the driver rebuilt.
    pub nested_exits: u64,
    /// First-tier traces compiled again for speed ([`driver::tier_up`]).
    pub recompiled: u64,
}

/// Most register vectors the pool keeps.
const REGS_POOL_MAX: usize = 64;
/// Largest capacity of a pooled register vector (bigger ones are freed).
const REGS_POOL_MAX_CAP: usize = 1 << 12;

impl<'gc> JitState<'gc> {
    /// An empty vector with room for `cap` values, from the pool when it has one.
    #[inline]
    pub fn take_regs(&mut self, cap: usize) -> Vec<Value<'gc>> {
        match self.regs_pool.pop() {
            Some(mut v) => {
                v.reserve(cap);
                v
            }
            None => Vec::with_capacity(cap),
        }
    }

    /// Gives a register vector back to the pool (emptied), or frees it.
    #[inline]
    pub fn recycle_regs(&mut self, mut v: Vec<Value<'gc>>) {
        if self.regs_pool.len() < REGS_POOL_MAX && (1..=REGS_POOL_MAX_CAP).contains(&v.capacity()) {
            v.clear();
            self.regs_pool.push(v);
        }
    }
}

impl<'gc> Default for JitState<'gc> {
    fn default() -> Self {
        JitState {
            loops: FxHashMap::default(),
            traces: Vec::new(),
            recorder: None,
            enabled: true,
            hot_loop: 57,
            hot_function: HOT_FUNCTION,
            max_aborts: 3,
            skip_once: None,
            stats: JitStats::default(),
            buf: Vec::new(),
            regs_pool: Vec::new(),
            buf_need: 1,
            entry_cells: FxHashMap::default(),
            nested: Vec::new(),
            quick_traces: Vec::new(),
            retired_code: Vec::new(),
        }
    }
}

impl<'gc> JitState<'gc> {
    /// Whether a trace is being recorded.
    pub fn is_recording(&self) -> bool {
        self.recorder.is_some()
    }
    /// Whether the recording waits for the callee of a `call_trace` to
    /// return, and `frames` frames mean it has not yet: the interpreter runs.
    pub fn recording_paused(&self, frames: usize) -> bool {
        self.recorder
            .as_ref()
            .and_then(|r| r.paused)
            .is_some_and(|p| frames > p.caller_depth + 1)
    }
    /// Counts a plain-interpreter entry of the function of `fr` (just
    /// pushed, at pc 0) and says what to do.
    #[inline]
    pub fn function_entry(&mut self, fr: &Frame<'gc>) -> FunctionEntry {
        if !self.enabled || fr.pc != 0 {
            return FunctionEntry::Interpret;
        }
        let key = GreenKey::function(fr.code);
        let idle = self.recorder.is_none();
        let info = self.loops.entry(key).or_default();
        if let Some(t) = info.trace {
            return FunctionEntry::Run(t);
        }
        if info.blacklisted || !idle {
            return FunctionEntry::Interpret;
        }
        info.count += 1;
        if info.count >= self.hot_function {
            FunctionEntry::Record
        } else {
            FunctionEntry::Interpret
        }
    }

    /// Counts a plain-interpreter visit of a merge point; true when the
    /// executor should act (the loop is compiled, or hot enough to record).
    #[inline]
    pub fn hot_or_compiled(&mut self, fr: &Frame<'gc>, pc: u32) -> bool {
        if !self.enabled {
            return false;
        }
        let key = GreenKey::of(fr, pc);
        if let Some(skip) = self.skip_once.take() {
            if skip == key {
                return false;
            }
        }
        let info = self.loops.entry(key).or_default();
        if info.trace.is_some() {
            return true;
        }
        if info.blacklisted {
            return false;
        }
        info.count += 1;
        // While a recording waits for a callee, no other one starts.
        info.count >= self.hot_loop && self.recorder.is_none()
    }

    /// The address of the entry cell of loop `key` (made on first use).
    pub fn entry_cell(&mut self, key: GreenKey) -> usize {
        self.entry_cells.entry(key).or_default().as_ptr() as usize
    }

    /// Points exits that end at `key`'s header at `code` (0: at nothing).
    pub fn set_entry_cell(&mut self, key: GreenKey, code: usize) {
        self.entry_cells.entry(key).or_default().set(code);
    }

    /// The `jit: stats:` lines of `POLYVM_LOG=jit`: totals, the busiest
    /// traces, and the exits that most often returned to the driver (what
    /// linking did not cover: no bridge yet, a bridge that reads frames, or
    /// an exit that leaves compiled code for good).
    pub fn stats_report(&self) -> Vec<String> {
        let s = &self.stats;
        let mut out = vec![format!(
            "jit: stats: {} traces compiled ({} again for speed), {} entries, {} exits, {} inlined frames rebuilt, {} aborts",
            s.compiled,
            s.recompiled,
            s.entries,
            s.exits,
            s.inlined_frames_rebuilt,
            s.aborts.len()
        )];
        if s.nested_exits > 0 {
            out.push(format!(
                "jit: stats: {} exits of traces called from traces",
                s.nested_exits
            ));
        }
        let live = || {
            self.traces
                .iter()
                .enumerate()
                .filter_map(|(i, t)| Some((i, t.as_ref()?)))
        };
        let mut busy: Vec<(u64, usize)> = live().map(|(i, t)| (t.entries, i)).collect();
        busy.sort_unstable_by(|a, b| b.cmp(a));
        for (entries, i) in busy.iter().take(8).filter(|(n, _)| *n > 0) {
            out.push(format!("jit: stats: trace {i} entered {entries} times"));
        }
        let mut exits: Vec<(u64, usize, usize)> = live()
            .flat_map(|(i, t)| {
                t.exits_taken
                    .iter()
                    .enumerate()
                    .map(move |(e, n)| (*n, i, e))
            })
            .filter(|(n, _, _)| *n > 0)
            .collect();
        exits.sort_unstable_by(|a, b| b.cmp(a));
        for (n, i, e) in exits.iter().take(8) {
            let t = self.traces[*i].as_ref().expect("live trace");
            let linked = |b: usize| self.traces[b].as_ref().is_some_and(|b| b.linked_inputs);
            let why = match (t.exit_kinds[*e], t.bridges[*e]) {
                (driver::ExitKind::Guard, Some(b)) if linked(b) => {
                    format!("guard, until bridge {b} was linked")
                }
                (driver::ExitKind::Guard, Some(b)) => format!("guard, bridge {b} reads frames"),
                (driver::ExitKind::Guard, None) => "guard, no bridge".to_string(),
                (driver::ExitKind::Fuel, _) => "fuel".to_string(),
                (driver::ExitKind::Exit, _) => "exit op".to_string(),
                (driver::ExitKind::Call, _) => "call_trace".to_string(),
            };
            out.push(format!(
                "jit: stats: trace {i} exit {e} ({why}) taken {n} times"
            ));
        }
        out
    }

    /// Drops any recording in progress (the program ended or raised).
    pub fn stop_recording(&mut self) {
        self.recorder = None;
    }
}

#[cfg(test)]
mod regs_pool_tests {
    use super::*;

    #[test]
    fn a_recycled_register_vector_comes_back_empty_with_its_room() {
        let mut jit = JitState::default();
        let mut v = jit.take_regs(24);
        v.extend([Value::Int(1), Value::Int(2)]);
        let cap = v.capacity();
        jit.recycle_regs(v);
        let again = jit.take_regs(4);
        assert!(again.is_empty());
        assert_eq!(again.capacity(), cap);
        // A bigger request than the pooled vector holds grows it.
        jit.recycle_regs(again);
        assert!(jit.take_regs(1000).capacity() >= 1000);
    }

    #[test]
    fn the_pool_keeps_a_bounded_number_of_bounded_vectors() {
        let mut jit = JitState::default();
        for _ in 0..200 {
            jit.recycle_regs(Vec::with_capacity(8));
        }
        assert_eq!(jit.regs_pool.len(), REGS_POOL_MAX);
        let mut jit = JitState::default();
        jit.recycle_regs(Vec::new());
        jit.recycle_regs(Vec::with_capacity(REGS_POOL_MAX_CAP + 1));
        assert!(jit.regs_pool.is_empty());
    }
}
