//! Running a file: compile, set up the VM with FL and RPN, run, report.
//!
//! Two engines: [`Engine::Plain`] (`--no-jit`), the plain interpreter with
//! merge points off, and [`Engine::Jit`], the core's executor with the JIT on.
//! After a JIT run the [`Outcome`] describes every compiled trace and the
//! JIT's counters, so tests can check what was compiled and what deoptimised.

use std::path::Path;

use vm_core::heap;
use vm_core::jit::ir::Op;
use vm_core::jit::JitStats;
use vm_core::{Config, Vm};

use crate::fl::bytecode::{materialize, LangIds};
use crate::fl::compiler::compile_source;
use crate::fl::helpers::{begin_output, finish_output, flush_output, register_all};
use crate::fl::interp::module_frame;
use crate::fl::lang::{Fl, Rpn};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Engine {
    Plain,
    Jit,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub engine: Engine,
    /// Deepest frame stack (default: `Config::default().max_depth`).
    pub max_depth: Option<usize>,
    /// Keep stdout in [`Outcome::stdout`] instead of writing it.
    pub capture: bool,
    /// Bridges per trace tree (default: `Config::default().max_bridges`).
    pub max_bridges: Option<u32>,
}

/// A trace the JIT compiled.
#[derive(Clone, Debug)]
pub struct TraceReport {
    /// The loop header (`code@pc`).
    pub key: String,
    /// Operations that do work in the optimised trace.
    pub ops: usize,
    /// Languages whose frames appear in the trace's snapshots (the trace inlined them).
    pub langs: Vec<&'static str>,
    /// Most frames any snapshot describes (1 = nothing inlined at that guard).
    pub max_frames: usize,
    /// Whether the optimised trace still calls out for a guest call or frame (it never should).
    pub has_calls: bool,
    /// The optimised trace in IR text form.
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
    /// The compiled traces (JIT runs only).
    pub traces: Vec<TraceReport>,
    /// The JIT's counters at the end of the run.
    pub stats: JitStats,
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
    if let Some(b) = opts.max_bridges {
        config.max_bridges = b;
    }
    let mut vm = Vm::new(config.clone());
    let ids = LangIds {
        fl: vm.register(Box::new(Fl)),
        rpn: vm.register(Box::new(Rpn)),
    };
    vm.mutate(move |mc, root| {
        let globals = heap::new_dict(mc);
        let module = materialize(mc, proto, globals, ids);
        root.frames.push(module_frame(mc, module));
    });
    begin_output(opts.capture);
    let result = vm.run();
    let names = [(ids.fl, "fl"), (ids.rpn, "rpn")];
    let (traces, stats) = vm.mutate(|_, root| {
        let traces = root
            .jit
            .traces
            .iter()
            .flatten()
            .map(|t| {
                let mut langs = Vec::new();
                let mut max_frames = 0;
                for snap in &t.ir.snapshots {
                    max_frames = max_frames.max(snap.frames.len());
                    for f in &snap.frames {
                        if let Some((_, n)) = names.iter().find(|(id, _)| *id == f.lang) {
                            if !langs.contains(n) {
                                langs.push(*n);
                            }
                        }
                    }
                }
                TraceReport {
                    key: t.key.to_string(),
                    ops: t.ir.work_len(),
                    langs,
                    max_frames,
                    has_calls: t
                        .ir
                        .ops
                        .iter()
                        .any(|i| matches!(i.op, Op::Call(h, _) if h.effects.calls_guest)),
                    text: t.ir.to_text(),
                }
            })
            .collect::<Vec<_>>();
        (traces, root.jit.stats.clone())
    });
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
        stats,
    }
}
