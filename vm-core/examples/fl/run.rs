//! Running a file: compile, set up the VM with FL and RPN, run, report.
//!
//! Three engines:
//! - [`Engine::Plain`] (`--no-jit`): the plain interpreter; merge points are off.
//! - [`Engine::Jit`]: the core's executor with the JIT on (`Vm::run`).
//! - [`Engine::RecordCheck`]: an executor loop of our own that runs the plain
//!   interpreter and, at each hot loop, records one trace with the
//!   `Recording` instance (through calls into either language), reports it,
//!   throws it away and carries on in plain mode from where recording left
//!   the frames. It checks that both interpreters behave correctly under
//!   `Recording` (same output; traces close instead of aborting) before the
//!   core's JIT driver exists.
//!
//! Until the core's driver lands, `Engine::Jit` would spin: once a loop is
//! hot, `Plain::merge_point` returns true on every visit and the stub
//! `jit::driver::at_merge_point` changes nothing, so the frame re-runs its
//! loop header forever. [`DRIVER_LANDED`] picks the default engine.

use std::path::Path;

use gc_arena::Mutation;
use vm_core::exec::{callee_lang, Root};
use vm_core::heap;
use vm_core::jit::recorder::{Recorder, Recording};
use vm_core::jit::GreenKey;
use vm_core::{Action, Config, CoreError, Language, Plain, Uncaught, Value, Vm};

use crate::fl::bytecode::{materialize, LangIds};
use crate::fl::compiler::compile_source;
use crate::fl::helpers::{begin_output, finish_output, flush_output, register_all};
use crate::fl::interp::module_frame;
use crate::fl::lang::{Fl, Rpn};

/// Whether `vm_core::jit::driver` does something at merge points yet. Flip
/// to `true` when it lands: the default engine becomes the real JIT.
pub const DRIVER_LANDED: bool = true;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Engine {
    Plain,
    Jit,
    RecordCheck,
}

impl Engine {
    /// The engine used when the JIT is on.
    pub fn jit_default() -> Engine {
        if DRIVER_LANDED {
            Engine::Jit
        } else {
            Engine::RecordCheck
        }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    pub engine: Engine,
    /// Deepest frame stack (default: `Config::default().max_depth`).
    pub max_depth: Option<usize>,
    /// Keep stdout in [`Outcome::stdout`] instead of writing it.
    pub capture: bool,
}

/// What a recording (in [`Engine::RecordCheck`]) produced.
#[derive(Clone, Debug)]
pub struct TraceReport {
    /// The loop header (`code@pc`).
    pub key: String,
    /// IR operations recorded.
    pub ops: usize,
    /// The loop closed (else `abort` says why not).
    pub closed: bool,
    pub abort: Option<String>,
    /// Most frames above the root frame the trace was inside at once.
    pub max_inlined: usize,
    /// Languages whose frames the trace entered (beside the root's).
    pub entered: Vec<&'static str>,
    /// The trace in IR text form.
    pub text: String,
}

#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Captured stdout (empty when not capturing).
    pub stdout: String,
    /// The error line, if any.
    pub stderr: String,
    /// Exit status: 0, or 1 on an error.
    pub code: i32,
    pub traces: Vec<TraceReport>,
}

/// Runs the file at `path`, naming it `display` in messages.
pub fn run_file(path: &Path, display: &str, opts: &Options) -> Outcome {
    match std::fs::read_to_string(path) {
        Ok(src) => run_source(display, &src, opts),
        Err(e) => Outcome {
            stderr: format!("{display}: error: cannot read file: {e}\n"),
            code: 1,
            ..Outcome::default()
        },
    }
}

/// Compiles and runs `src` (named `file` in messages).
pub fn run_source(file: &str, src: &str, opts: &Options) -> Outcome {
    register_all();
    let proto = match compile_source(file, src) {
        Ok(p) => p,
        Err(e) => {
            return Outcome {
                stderr: format!("{file}:{}:{}: error: {}\n", e.line, e.col, e.msg),
                code: 1,
                ..Outcome::default()
            }
        }
    };
    let mut config = Config::from_env();
    config.jit = opts.engine != Engine::Plain;
    if let Some(d) = opts.max_depth {
        config.max_depth = d;
    }
    let mut vm = Vm::new(config.clone());
    let ids = LangIds {
        fl: vm.register(Box::new(Fl)),
        rpn: vm.register(Box::new(Rpn)),
    };
    let jit_config = config.clone();
    vm.mutate(move |mc, root| {
        // `Vm::new` starts the JIT state from its defaults; apply the config.
        root.jit.enabled = jit_config.jit;
        root.jit.hot_loop = jit_config.hot_loop;
        root.jit.max_aborts = jit_config.max_aborts;
        let globals = heap::new_dict(mc);
        let module = materialize(mc, proto, globals, ids);
        root.frames.push(module_frame(mc, module));
    });
    begin_output(opts.capture);
    let mut traces = Vec::new();
    let result = match opts.engine {
        Engine::Plain | Engine::Jit => vm.run(),
        Engine::RecordCheck => {
            let langs: Vec<Box<dyn Language>> = vec![Box::new(Fl), Box::new(Rpn)];
            record_check(&mut vm, &langs, &config, &mut traces)
        }
    };
    // Everything printed goes out before the error line.
    flush_output();
    let stdout = finish_output();
    let (stderr, code) = match result {
        Ok(()) => (String::new(), 0),
        Err(u) => {
            let at = match u.traceback.last() {
                Some(f) => format!("{}:{}:{}", f.file, f.line, f.col),
                None => file.to_string(),
            };
            (format!("{at}: error: {}\n", u.message), 1)
        }
    };
    Outcome {
        stdout,
        stderr,
        code,
        traces,
    }
}

// ---- the record-check executor ----

/// Side information about the recording in progress.
#[derive(Default)]
struct Current {
    max_inlined: usize,
    entered: Vec<&'static str>,
}

fn record_check(
    vm: &mut Vm,
    langs: &[Box<dyn Language>],
    config: &Config,
    reports: &mut Vec<TraceReport>,
) -> Result<(), Uncaught> {
    let mut cur = Current::default();
    loop {
        let outcome = vm.mutate(|mc, root| slice(mc, root, langs, config, reports, &mut cur));
        if let Some(result) = outcome {
            vm.mutate(|_, root| root.jit.recorder = None);
            return result;
        }
        vm.collect_if_due();
    }
}

/// One slice of the record-check executor; `Some` when the program ended.
fn slice<'gc>(
    mc: &Mutation<'gc>,
    root: &mut Root<'gc>,
    langs: &[Box<dyn Language>],
    config: &Config,
    reports: &mut Vec<TraceReport>,
    cur: &mut Current,
) -> Option<Result<(), Uncaught>> {
    let mut fuel = config.fuel;
    loop {
        if fuel <= 0 {
            return None;
        }
        if root.jit.recorder.is_some() {
            if let Some(done) = record_step(mc, root, langs, config, reports, cur, &mut fuel) {
                return Some(done);
            }
            continue;
        }
        let Some(fr) = root.frames.last_mut() else {
            return Some(Ok(()));
        };
        let lang = &langs[fr.lang as usize];
        let action = {
            let mut m = Plain::new(mc, &mut root.jit, &mut fuel);
            lang.step_plain(&mut m, fr)
        };
        match action {
            Action::Yield => return None,
            Action::Call { callee, args } => {
                let frame = match check_call(mc, root, langs, config, callee) {
                    Ok(id) => {
                        let mut m = Plain::new(mc, &mut root.jit, &mut fuel);
                        langs[id].enter_plain(&mut m, callee, &args)
                    }
                    Err(e) => Err(e),
                };
                match frame {
                    Ok(f) => root.frames.push(f),
                    Err(exc) => {
                        if let Some(u) = unwind(mc, root, langs, exc) {
                            return Some(Err(u));
                        }
                    }
                }
            }
            Action::Return(v) => {
                root.frames.pop();
                match root.frames.last_mut() {
                    Some(caller) => {
                        let r = caller.ret_reg as usize;
                        caller.regs[r] = v;
                    }
                    None => return Some(Ok(())),
                }
            }
            Action::Raise(exc) => {
                if let Some(u) = unwind(mc, root, langs, exc) {
                    return Some(Err(u));
                }
            }
            Action::Jit => {
                // A hot loop: record it once (blacklisting it keeps the plain
                // interpreter from asking again).
                let depth = root.frames.len() - 1;
                let fr = root
                    .frames
                    .last_mut()
                    .expect("a frame reached a merge point");
                let key = GreenKey::of(fr, fr.pc);
                root.jit.loops.entry(key).or_default().blacklisted = true;
                root.jit.recorder =
                    Some(Recorder::start_loop(fr, key, depth, config.max_trace_len));
                *cur = Current::default();
            }
        }
    }
}

/// The language that runs `callee`, after the executor's own checks.
fn check_call<'gc>(
    mc: &Mutation<'gc>,
    root: &Root<'gc>,
    langs: &[Box<dyn Language>],
    config: &Config,
    callee: Value<'gc>,
) -> Result<usize, Value<'gc>> {
    let caller = &langs[root.frames.last().map(|f| f.lang).unwrap_or(0) as usize];
    let Some(id) = callee_lang(callee) else {
        return Err(caller.core_error(mc, CoreError::NotCallable, "object is not callable"));
    };
    if root.frames.len() >= config.max_depth {
        return Err(caller.core_error(
            mc,
            CoreError::Recursion,
            "maximum recursion depth exceeded",
        ));
    }
    Ok(id as usize)
}

/// One recording step of the top frame; `Some` when the program ended.
fn record_step<'gc>(
    mc: &Mutation<'gc>,
    root: &mut Root<'gc>,
    langs: &[Box<dyn Language>],
    config: &Config,
    reports: &mut Vec<TraceReport>,
    cur: &mut Current,
    fuel: &mut i64,
) -> Option<Result<(), Uncaught>> {
    *fuel -= 1;
    let Some(fr) = root.frames.last_mut() else {
        finish(root, config, reports, cur);
        return Some(Ok(()));
    };
    let lang = &langs[fr.lang as usize];
    let rec = root.jit.recorder.as_mut().expect("recording");
    let action = {
        let mut m = Recording::new(mc, rec);
        lang.step_recording(&mut m, fr)
    };
    match action {
        // `begin` refused (the trace closed or aborted), or the loop closed.
        Action::Yield | Action::Jit => finish(root, config, reports, cur),
        Action::Call { callee, args } => {
            let frame = match check_call(mc, root, langs, config, callee) {
                Ok(id) => {
                    let rec = root.jit.recorder.as_mut().expect("recording");
                    let mut m = Recording::new(mc, rec);
                    let r = langs[id].enter_recording(&mut m, callee, &args);
                    if r.is_ok() {
                        let caller = root.frames.last().expect("the caller");
                        rec.frame_pushed(caller);
                        cur.max_inlined = cur.max_inlined.max(rec.inlined_depth());
                        let name = langs[id].name();
                        if !cur.entered.contains(&name) {
                            cur.entered.push(name);
                        }
                    }
                    r
                }
                Err(e) => Err(e),
            };
            match frame {
                Ok(f) => root.frames.push(f),
                Err(exc) => {
                    abort(root, "the call raised");
                    finish(root, config, reports, cur);
                    if let Some(u) = unwind(mc, root, langs, exc) {
                        return Some(Err(u));
                    }
                }
            }
        }
        Action::Return(v) => {
            root.frames.pop();
            let rec = root.jit.recorder.as_mut().expect("recording");
            let inside = rec.frame_popped();
            match root.frames.last_mut() {
                Some(caller) => {
                    let r = caller.ret_reg as usize;
                    caller.regs[r] = v.v;
                    if let Some(s) = caller.shadow.get_mut(r) {
                        *s = v.r;
                    }
                }
                None => {
                    abort(root, "the program ended");
                    finish(root, config, reports, cur);
                    return Some(Ok(()));
                }
            }
            if !inside {
                abort(root, "returned from the trace's root frame");
                finish(root, config, reports, cur);
            }
        }
        Action::Raise(exc) => {
            abort(root, "an exception was raised");
            finish(root, config, reports, cur);
            if let Some(u) = unwind(mc, root, langs, exc) {
                return Some(Err(u));
            }
        }
    }
    None
}

fn abort(root: &mut Root<'_>, why: &str) {
    if let Some(rec) = root.jit.recorder.as_mut() {
        if !rec.closed {
            rec.set_abort(why);
        }
    }
}

/// Ends the recording: reports it and drops the IR; the frames carry on plain.
fn finish(root: &mut Root<'_>, config: &Config, reports: &mut Vec<TraceReport>, cur: &mut Current) {
    let Some(rec) = root.jit.recorder.take() else {
        return;
    };
    for f in root.frames.iter_mut() {
        f.shadow.clear();
    }
    let report = TraceReport {
        key: rec.key.to_string(),
        ops: rec.trace.ops.len(),
        closed: rec.closed && rec.abort.is_none(),
        abort: rec.abort.clone(),
        max_inlined: cur.max_inlined,
        entered: std::mem::take(&mut cur.entered),
        text: rec.trace.to_text(),
    };
    if config.log_jit {
        match &report.abort {
            None => eprintln!(
                "record-check: loop {} recorded: {} ops",
                report.key, report.ops
            ),
            Some(why) => eprintln!(
                "record-check: loop {} aborted after {} ops: {why}",
                report.key, report.ops
            ),
        }
        eprint!("{}", report.text);
    }
    reports.push(report);
}

/// Unwinds frames until one catches `exc` (FL and RPN never do).
fn unwind<'gc>(
    mc: &Mutation<'gc>,
    root: &mut Root<'gc>,
    langs: &[Box<dyn Language>],
    exc: Value<'gc>,
) -> Option<Uncaught> {
    root.traceback.clear();
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
    let inner = root.traceback.last().map(|f| f.lang);
    let lang = langs
        .iter()
        .find(|l| Some(l.name()) == inner)
        .unwrap_or(&langs[0]);
    Some(Uncaught {
        message: lang.describe_exception(exc),
        traceback: std::mem::take(&mut root.traceback),
    })
}
