//! The stackless executor: one stack of frames, each owned by a language.
//!
//! Guest calls never recurse on the Rust stack. The executor asks the top
//! frame's language to [`Language::step`] it; a step runs until it calls,
//! returns, raises, reaches a merge point or spends its fuel, and hands back an
//! [`Action`]. Calls across languages, exceptions that cross languages, deep
//! recursion without overflow and collection in the middle of a long program
//! all follow from this loop (see `run_slice`).
//!
//! While the JIT records, the same loop runs each language's recording step;
//! when compiled code exists for a merge point, the executor runs it and
//! rebuilds frames from the exit's snapshot (`jit::driver`).

use gc_arena::{Collect, Mutation};

use crate::heap::LangId;
use crate::jit::ir::Ref;
use crate::jit::recorder::Recording;
use crate::jit::JitState;
use crate::meta::{Meta, Plain};
use crate::value::Value;

/// One activation: code, pc and registers. Everything a language keeps in a
/// frame lives in its registers, so the JIT can rebuild any frame from a
/// snapshot (`lang`, `code`, `pc`, `regs`, `ret_reg`).
#[derive(Collect)]
#[collect(no_drop)]
pub struct Frame<'gc> {
    /// The language that steps this frame.
    pub lang: LangId,
    /// The code object being run.
    pub code: Value<'gc>,
    /// The instruction to run next (set by [`Meta::begin`]).
    pub pc: u32,
    /// The registers.
    pub regs: Vec<Value<'gc>>,
    /// The register that receives the result of the call this frame is making.
    pub ret_reg: u32,
    /// While recording: the IR value of each register. Empty otherwise.
    #[collect(require_static)]
    pub shadow: Vec<Ref>,
}

impl<'gc> Frame<'gc> {
    /// A frame of `lang` running `code` from pc 0 with `regs`.
    pub fn new(lang: LangId, code: Value<'gc>, regs: Vec<Value<'gc>>) -> Frame<'gc> {
        Frame {
            lang,
            code,
            pc: 0,
            regs,
            ret_reg: 0,
            shadow: Vec::new(),
        }
    }
}

/// What a step hands back to the executor.
#[derive(Debug)]
pub enum Action<'gc, V> {
    /// Call `callee` (a code object, or a record whose class is one; already
    /// promoted) with `args`. The calling frame has set its `pc` to where it
    /// resumes and its `ret_reg` to the register that receives the result.
    Call { callee: Value<'gc>, args: Vec<V> },
    /// Return from the frame with a value.
    Return(V),
    /// Raise a guest exception.
    Raise(Value<'gc>),
    /// Fuel is spent; the frame resumes at its `pc`.
    Yield,
    /// A merge point asked for the JIT; the frame is at the loop header (`pc`).
    Jit,
}

/// What kind of error the executor itself raises, in the language of the frame it raises in.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CoreError {
    /// The frame stack reached [`Config::max_depth`].
    Recursion,
    /// A call of something that is not callable.
    NotCallable,
}

/// Where a frame is in its source, for tracebacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameInfo {
    /// The language's name.
    pub lang: &'static str,
    /// The function (or `<module>`).
    pub name: String,
    /// The source file.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
}

/// A guest language: how to step its frames and enter its code.
///
/// Each language writes one generic `step<M: Meta>` and forwards both
/// `step_plain` and `step_recording` to it, so the interpreter exists once in
/// source and twice after monomorphisation.
pub trait Language: 'static {
    /// The language's name (`"python"`, `"fl"` ...).
    fn name(&self) -> &'static str;
    /// Runs the top frame until it produces an action (plain interpreter).
    fn step_plain<'gc>(
        &self,
        m: &mut Plain<'gc, '_>,
        fr: &mut Frame<'gc>,
    ) -> Action<'gc, Value<'gc>>;
    /// Runs the top frame until it produces an action (recording).
    fn step_recording<'gc>(
        &self,
        m: &mut Recording<'gc, '_>,
        fr: &mut Frame<'gc>,
    ) -> Action<'gc, <Recording<'gc, '_> as Meta<'gc>>::V>;
    /// Runs the top frame of `frames` until it produces an action the
    /// executor must handle (plain interpreter). A language may go on
    /// itself where the executor would only move a value or a frame
    /// (`inline` says which: calls of its own code, pushed as
    /// [`Language::enter_plain`] would build them, and returns into a
    /// frame of its own), so a call costs no round trip through the
    /// executor; the default steps the top frame once.
    fn run_plain<'gc>(
        &self,
        m: &mut Plain<'gc, '_>,
        frames: &mut Vec<Frame<'gc>>,
        inline: Inline,
    ) -> Action<'gc, Value<'gc>> {
        let _ = inline;
        let fr = frames.last_mut().expect("a frame to run");
        self.step_plain(m, fr)
    }
    /// Builds the frame for calling `callee` with `args` (plain
    /// interpreter). The vector is the language's to keep: it may become the
    /// frame's registers.
    fn enter_plain<'gc>(
        &self,
        m: &mut Plain<'gc, '_>,
        callee: Value<'gc>,
        args: Vec<Value<'gc>>,
    ) -> Result<Frame<'gc>, Value<'gc>>;
    /// Builds the frame for calling `callee` with `args` (recording).
    fn enter_recording<'gc>(
        &self,
        m: &mut Recording<'gc, '_>,
        callee: Value<'gc>,
        args: Vec<<Recording<'gc, '_> as Meta<'gc>>::V>,
    ) -> Result<Frame<'gc>, Value<'gc>>;
    /// Looks for a handler of `exc` in `fr`; if there is one, points the
    /// frame at it (pc, registers) and returns true.
    fn catch<'gc>(&self, mc: &Mutation<'gc>, fr: &mut Frame<'gc>, exc: Value<'gc>) -> bool;
    /// Makes this language's exception for an error the executor detected.
    fn core_error<'gc>(&self, mc: &Mutation<'gc>, kind: CoreError, msg: &str) -> Value<'gc>;
    /// Describes an exception of any language for an error message.
    fn describe_exception<'gc>(&self, exc: Value<'gc>) -> String;
    /// Where `fr` is, for tracebacks.
    fn frame_info<'gc>(&self, fr: &Frame<'gc>) -> FrameInfo;
}

/// What [`Language::run_plain`] may do without the executor.
#[derive(Copy, Clone, Debug)]
pub struct Inline {
    /// Push frames for calls of the language's own code, while the stack
    /// holds fewer than this many frames (0: never). The executor allows it
    /// when the JIT is off: with the JIT on, every pushed frame is a
    /// function entry where compiled code may take over.
    pub call_depth: usize,
    /// Pop a returning frame and hand its value to the caller below it when
    /// that is a frame of the same language (not while a recording waits
    /// for a call to return: the executor resumes it).
    pub returns: bool,
}

impl Inline {
    /// Whether a call of `callee` by language `lang` may be pushed by the
    /// language itself on a stack of `depth` frames.
    #[inline]
    pub fn call(&self, lang: LangId, callee: Value<'_>, depth: usize) -> bool {
        depth < self.call_depth && callee_lang(callee) == Some(lang)
    }
}

/// Writes the four mode-specific methods of [`Language`] (`step_plain`,
/// `step_recording`, `enter_plain`, `enter_recording`) inside an
/// `impl Language` block, forwarding to the language's one generic `step`
/// and `enter`: `language_steps!(step, enter);`, or
/// `language_steps!(self => step, enter);` when they take the language first.
/// `enter` gets the arguments as a slice; with `owned enter` it gets the
/// vector itself (`Vec<M::V>`), which it may turn into the frame's registers.
#[macro_export]
macro_rules! language_steps {
    // `self` is passed in so that the receiver and the calls use the same token.
    ($this:tt => $step:path, owned $enter:path) => {
        $crate::language_steps!(@impl $this, ($this,), $step, $enter, owned);
    };
    ($this:tt => $step:path, $enter:path) => {
        $crate::language_steps!(@impl $this, ($this,), $step, $enter, borrowed);
    };
    ($step:path, owned $enter:path) => {
        $crate::language_steps!(@impl self, (), $step, $enter, owned);
    };
    ($step:path, $enter:path) => {
        $crate::language_steps!(@impl self, (), $step, $enter, borrowed);
    };
    // An owned `enter` keeps the argument vector (as the frame's registers).
    (@enter owned, $m:ident, $enter:path, ($($this:tt,)?), $callee:ident, $args:ident, $plain:tt) => {
        $enter($($this,)? $m, $callee, $args)
    };
    // A borrowed one copies the arguments; in plain mode the vector then
    // goes back to the pool of register vectors.
    (@enter borrowed, $m:ident, $enter:path, ($($this:tt,)?), $callee:ident, $args:ident, plain) => {{
        let frame = $enter($($this,)? $m, $callee, &$args);
        $m.recycle_regs($args);
        frame
    }};
    (@enter borrowed, $m:ident, $enter:path, ($($this:tt,)?), $callee:ident, $args:ident, recording) => {
        $enter($($this,)? $m, $callee, &$args)
    };
    (@impl $recv:tt, ($($this:tt,)?), $step:path, $enter:path, $mode:ident) => {
        fn step_plain<'gc>(
            &$recv,
            m: &mut $crate::meta::Plain<'gc, '_>,
            fr: &mut $crate::exec::Frame<'gc>,
        ) -> $crate::exec::Action<'gc, $crate::value::Value<'gc>> {
            $step($($this,)? m, fr)
        }
        fn step_recording<'gc>(
            &$recv,
            m: &mut $crate::jit::recorder::Recording<'gc, '_>,
            fr: &mut $crate::exec::Frame<'gc>,
        ) -> $crate::exec::Action<'gc, $crate::jit::recorder::RV<'gc>> {
            $step($($this,)? m, fr)
        }
        fn enter_plain<'gc>(
            &$recv,
            m: &mut $crate::meta::Plain<'gc, '_>,
            callee: $crate::value::Value<'gc>,
            args: Vec<$crate::value::Value<'gc>>,
        ) -> Result<$crate::exec::Frame<'gc>, $crate::value::Value<'gc>> {
            $crate::language_steps!(@enter $mode, m, $enter, ($($this,)?), callee, args, plain)
        }
        fn enter_recording<'gc>(
            &$recv,
            m: &mut $crate::jit::recorder::Recording<'gc, '_>,
            callee: $crate::value::Value<'gc>,
            args: Vec<$crate::jit::recorder::RV<'gc>>,
        ) -> Result<$crate::exec::Frame<'gc>, $crate::value::Value<'gc>> {
            $crate::language_steps!(@enter $mode, m, $enter, ($($this,)?), callee, args, recording)
        }
    };
}

/// Knobs of the VM.
#[derive(Clone, Debug)]
pub struct Config {
    /// Whether the JIT runs (`--no-jit` turns it off).
    pub jit: bool,
    /// Iterations of a loop before it is recorded.
    pub hot_loop: u32,
    /// Calls of a function from the interpreter before it is recorded.
    pub hot_function: u32,
    /// Failures of a guard before a bridge is recorded from it.
    pub hot_exit: u32,
    /// Bridges grown on one trace tree (a loop or function trace and the
    /// bridges grown from it and from them); past it, exits of that tree
    /// go back to the interpreter (LuaJIT's `maxside` does the same).
    pub max_bridges: u32,
    /// Bytes of native stack compiled code may use for nested calls of
    /// traces (`call_trace`) below where the executor entered it; deeper
    /// calls leave machine code and go on in the interpreter, on the heap.
    /// The default suits a thread with Rust's default 2 MiB stack; a host
    /// that runs the VM on a bigger stack may raise it.
    pub jit_stack: usize,
    /// Longest trace recorded, in IR ops.
    pub max_trace_len: usize,
    /// Aborts of one loop before it is no longer traced.
    pub max_aborts: u32,
    /// Work (loop iterations, entries of straight-line code) after which a
    /// trace compiled quickly is compiled again for speed; 0: every trace
    /// is compiled for speed at once (see `jit::driver::tier_up`).
    pub tier_up: u32,
    /// Traces compiled for speed at once, before the first tier is used:
    /// a run's first traces are its hottest loops, which would be compiled
    /// twice (see `jit::driver::tier_up`).
    pub tier_after: u32,
    /// Deepest frame stack before the executor raises a recursion error.
    pub max_depth: usize,
    /// Instructions per slice between returns to the host (collection points).
    pub fuel: i64,
    /// Print traces and aborts (`POLYVM_LOG=jit`).
    pub log_jit: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            jit: true,
            hot_loop: 57,
            hot_function: crate::jit::HOT_FUNCTION,
            jit_stack: crate::jit::backend::STACK_BUDGET,
            hot_exit: 50,
            max_bridges: 100,
            max_trace_len: 20_000,
            max_aborts: 3,
            tier_up: 10_000,
            tier_after: 16,
            max_depth: 2_000_000,
            fuel: 100_000,
            log_jit: false,
        }
    }
}

impl Config {
    /// The defaults, with `POLYVM_LOG=jit` read from the environment, and
    /// the JIT's thresholds from `POLYVM_JIT`
    /// (`hot_loop=N,hot_function=N,hot_exit=N,max_bridges=N,tier_up=N,tier_after=N`).
    pub fn from_env() -> Config {
        let log = std::env::var("POLYVM_LOG").unwrap_or_default();
        let mut config = Config {
            log_jit: log.split(',').any(|s| s.trim() == "jit"),
            ..Config::default()
        };
        let knobs = std::env::var("POLYVM_JIT").unwrap_or_default();
        for (name, value) in knobs.split(',').filter_map(|kv| kv.split_once('=')) {
            let Ok(n) = value.trim().parse::<u32>() else {
                continue;
            };
            match name.trim() {
                "hot_loop" => config.hot_loop = n.max(1),
                "hot_function" => config.hot_function = n.max(1),
                "hot_exit" => config.hot_exit = n.max(1),
                "max_bridges" => config.max_bridges = n,
                "tier_up" => config.tier_up = n,
                "tier_after" => config.tier_after = n,
                _ => {}
            }
        }
        config
    }
}

/// The arena's root: the thread's frames, the JIT, and per-language state.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Root<'gc> {
    /// The frame stack, outermost first.
    pub frames: Vec<Frame<'gc>>,
    /// Counters, traces and the recorder.
    pub jit: JitState<'gc>,
    /// One slot per registered language, for that language's global state.
    pub lang_state: Vec<Value<'gc>>,
    /// The value the outermost frame returned.
    pub result: Value<'gc>,
    /// Frames unwound by an uncaught exception (for the traceback).
    #[collect(require_static)]
    pub traceback: Vec<FrameInfo>,
}

/// How a slice of execution ended.
pub enum Slice<'gc> {
    /// Fuel spent; call again.
    Yield,
    /// The frame stack is empty; the outermost frame returned this.
    Done(Value<'gc>),
    /// An exception reached the bottom of the stack.
    Uncaught(Value<'gc>),
}

/// The language that runs a callable value, if it is callable.
pub fn callee_lang(v: Value<'_>) -> Option<LangId> {
    match v {
        Value::Code(c) => Some(c.lang),
        Value::Record(r) => match r.class {
            Value::Code(c) => Some(c.lang),
            _ => None,
        },
        _ => None,
    }
}

/// Runs frames for one slice of fuel. This is the executor's loop.
pub fn run_slice<'gc>(
    mc: &'gc Mutation<'gc>,
    root: &mut Root<'gc>,
    langs: &[Box<dyn Language>],
    config: &Config,
) -> Slice<'gc> {
    let mut fuel = config.fuel;
    if !root.jit.quick_traces.is_empty() && !root.jit.is_recording() {
        crate::jit::driver::tier_up(root, config);
    }
    loop {
        if root.jit.is_recording() && !root.jit.recording_paused(root.frames.len()) {
            match crate::jit::driver::record_step(mc, root, langs, config) {
                Some(s) => return s,
                None => continue,
            }
        }
        let Some(fr) = root.frames.last() else {
            return Slice::Done(root.result);
        };
        let lang = &langs[fr.lang as usize];
        let inline = Inline {
            call_depth: if config.jit { 0 } else { config.max_depth },
            returns: !root.jit.is_recording(),
        };
        let mut m = Plain::new(mc, &mut root.jit, &mut fuel);
        let action = lang.run_plain(&mut m, &mut root.frames, inline);
        match action {
            Action::Yield => return Slice::Yield,
            Action::Call { callee, args } => {
                match push_call(&mut m, &mut root.frames, langs, config, callee, args) {
                    Ok(()) => {
                        // Every pushed frame is a function entry, where
                        // compiled code may take over.
                        if config.jit {
                            let s =
                                crate::jit::driver::at_function_entry(mc, root, config, &mut fuel);
                            if let Some(s) = s {
                                return s;
                            }
                        }
                    }
                    Err(exc) => {
                        if let Some(s) = unwind(mc, root, langs, exc) {
                            return s;
                        }
                    }
                }
            }
            Action::Return(v) => {
                if let Some(done) = root.frames.pop() {
                    root.jit.recycle_regs(done.regs);
                }
                match root.frames.last_mut() {
                    Some(caller) => {
                        let r = caller.ret_reg as usize;
                        caller.regs[r] = v;
                    }
                    None => {
                        root.result = v;
                        return Slice::Done(v);
                    }
                }
            }
            Action::Raise(exc) => {
                if let Some(s) = unwind(mc, root, langs, exc) {
                    return s;
                }
            }
            Action::Jit => {
                if let Some(s) = crate::jit::driver::at_merge_point(mc, root, config, &mut fuel) {
                    return s;
                }
            }
        }
    }
}

/// The language that runs `callee`, after the executor's checks (callable,
/// depth); `Err` is the error to raise in the caller's language.
pub fn check_call<'gc>(
    mc: &Mutation<'gc>,
    frames: &[Frame<'gc>],
    langs: &[Box<dyn Language>],
    config: &Config,
    callee: Value<'gc>,
) -> Result<LangId, Value<'gc>> {
    let caller_lang = &langs[frames.last().map(|f| f.lang).unwrap_or(0) as usize];
    let Some(id) = callee_lang(callee) else {
        return Err(caller_lang.core_error(mc, CoreError::NotCallable, "object is not callable"));
    };
    if frames.len() >= config.max_depth {
        return Err(caller_lang.core_error(
            mc,
            CoreError::Recursion,
            "maximum recursion depth exceeded",
        ));
    }
    Ok(id)
}

/// Pushes the frame for a call, in plain mode.
fn push_call<'gc>(
    m: &mut Plain<'gc, '_>,
    frames: &mut Vec<Frame<'gc>>,
    langs: &[Box<dyn Language>],
    config: &Config,
    callee: Value<'gc>,
    args: Vec<Value<'gc>>,
) -> Result<(), Value<'gc>> {
    let id = check_call(m.mc(), frames, langs, config, callee)?;
    let frame = langs[id as usize].enter_plain(m, callee, args)?;
    frames.push(frame);
    Ok(())
}

/// Unwinds frames until one catches `exc`; `Some` when none does.
pub fn unwind<'gc>(
    mc: &Mutation<'gc>,
    root: &mut Root<'gc>,
    langs: &[Box<dyn Language>],
    exc: Value<'gc>,
) -> Option<Slice<'gc>> {
    root.traceback.clear();
    if let Some(rec) = root.jit.recorder.as_mut() {
        if rec.paused.is_some() {
            rec.set_abort("an exception left the call the trace waits for");
        }
    }
    while let Some(fr) = root.frames.last_mut() {
        let lang = &langs[fr.lang as usize];
        root.traceback.push(lang.frame_info(fr));
        if lang.catch(mc, fr, exc) {
            root.traceback.clear();
            return None;
        }
        root.frames.pop();
    }
    root.traceback.reverse();
    Some(Slice::Uncaught(exc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_calls_only_own_code_below_the_depth() {
        let inline = Inline {
            call_depth: 3,
            returns: true,
        };
        let off = Inline {
            call_depth: 0,
            returns: true,
        };
        gc_arena::arena::rootless_mutate(|mc| {
            let code = crate::heap::new_code(mc, 1, Box::new(()), Vec::new());
            assert!(inline.call(1, code, 2));
            assert!(!inline.call(1, code, 3), "at the depth limit");
            assert!(!inline.call(0, code, 2), "another language's code");
            assert!(!inline.call(1, Value::Int(1), 2), "not callable");
            assert!(!off.call(1, code, 0), "the JIT is on");
        });
    }
}
