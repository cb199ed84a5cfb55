//! The virtual machine: one arena, the registered languages, and the loop
//! that alternates execution slices with garbage collection.

use gc_arena::metrics::Pacing;
use gc_arena::{Arena, Mutation, Rootable};

use crate::exec::{self, Config, FrameInfo, Language, Root, Slice};
use crate::heap::LangId;
use crate::jit::JitState;
use crate::value::Value;

/// An exception no frame caught, described for the host.
#[derive(Clone, Debug)]
pub struct Uncaught {
    /// The exception, described by the language of the innermost frame.
    pub message: String,
    /// The frames it unwound, outermost first.
    pub traceback: Vec<FrameInfo>,
}

/// When collections run: only whole stop-the-world cycles (see
/// [`Vm::collect_if_due`]), once the objects allocated since the last cycle
/// outnumber the ones that survived it (the heap at most doubles between
/// cycles, so collection work stays proportional to allocation), and never
/// before 2^14 allocations, so small heaps are not traced every slice.
/// (2^16 let a program with a small live heap keep ~10 MiB of garbage:
/// py nbody --no-jit peaked at 19.8 MiB, 12.6 MiB with 2^14, same CPU time.)
const PACING: Pacing = Pacing {
    sleep_factor: 1.0,
    min_sleep: 1 << 14,
    ..Pacing::STOP_THE_WORLD
};

/// One heap, one frame stack, one JIT, several languages.
pub struct Vm {
    arena: Arena<Rootable![Root<'_>]>,
    langs: Vec<Box<dyn Language>>,
    /// The knobs; change them before running.
    pub config: Config,
    /// `POLYVM_LOG=gc`: print each collection's heap counts and the RSS.
    log_gc: bool,
}

impl Vm {
    /// An empty VM.
    pub fn new(config: Config) -> Vm {
        let arena = Arena::<Rootable![Root<'_>]>::new(|_mc| Root {
            frames: Vec::new(),
            jit: JitState::default(),
            lang_state: Vec::new(),
            result: Value::None,
            traceback: Vec::new(),
        });
        arena.metrics().set_pacing(PACING);
        Vm {
            arena,
            langs: Vec::new(),
            config,
            log_gc: std::env::var("POLYVM_LOG")
                .unwrap_or_default()
                .split(',')
                .any(|s| s.trim() == "gc"),
        }
    }

    /// Registers a language; its frames and code carry the returned id.
    pub fn register(&mut self, lang: Box<dyn Language>) -> LangId {
        self.langs.push(lang);
        self.arena
            .mutate_root(|_, root| root.lang_state.push(Value::None));
        (self.langs.len() - 1) as LangId
    }

    /// The registered languages, by id.
    pub fn languages(&self) -> &[Box<dyn Language>] {
        &self.langs
    }

    /// Runs `f` with the heap and the root (push frames, set language state).
    pub fn mutate<R>(
        &mut self,
        f: impl for<'gc> FnOnce(&'gc Mutation<'gc>, &'gc mut Root<'gc>) -> R,
    ) -> R {
        self.arena.mutate_root(f)
    }

    /// Runs until the frame stack is empty. Collects garbage between slices.
    pub fn run(&mut self) -> Result<(), Uncaught> {
        let config = self.config.clone();
        self.arena.mutate_root(|_, root| {
            root.jit.enabled = config.jit;
            root.jit.hot_loop = config.hot_loop;
            root.jit.hot_function = config.hot_function;
            root.jit.max_aborts = config.max_aborts;
        });
        loop {
            let langs = &self.langs;
            let outcome = self.arena.mutate_root(|mc, root| {
                match exec::run_slice(mc, root, langs, &config) {
                    Slice::Yield => None,
                    Slice::Done(_) => Some(Ok(())),
                    Slice::Uncaught(exc) => {
                        let message = describe(langs, root, exc);
                        Some(Err(Uncaught {
                            message,
                            traceback: std::mem::take(&mut root.traceback),
                        }))
                    }
                }
            });
            if let Some(result) = outcome {
                self.arena.mutate_root(|_, root| root.jit.stop_recording());
                if config.log_jit {
                    let c = crate::jit::backend::compile_stats();
                    eprintln!(
                        "jit: stats: optimiser {} us; backend compiled {} traces in {} us: {} Cranelift insts ({} in cold blocks), {} bytes of code",
                        crate::jit::opt::optimize_micros(),
                        c.traces,
                        c.micros,
                        c.clif_insts,
                        c.cold_insts,
                        c.code_bytes
                    );
                }
                return result;
            }
            self.collect_if_due();
        }
    }

    /// Runs a full collection when the heap has grown enough since the last one.
    ///
    /// Only whole cycles run, between slices: while a slice runs the collector
    /// sleeps, so no object is ever black during mutation and compiled code
    /// needs no write barrier.
    pub fn collect_if_due(&mut self) {
        if self.arena.metrics().allocation_debt() > 0.0 {
            let before = self.arena.metrics().total_gc_count();
            self.arena.finish_cycle();
            if self.log_gc {
                eprintln!(
                    "gc: {} objects before, {} after; {}",
                    before,
                    self.arena.metrics().total_gc_count(),
                    rss()
                );
            }
        }
    }

    /// Runs a full collection now.
    pub fn collect_all(&mut self) {
        self.arena.finish_cycle();
    }
}

/// The process's resident set, current and peak, for `POLYVM_LOG=gc`.
fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap_or_default()
    };
    format!("rss {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}

fn describe<'gc>(langs: &[Box<dyn Language>], root: &Root<'gc>, exc: Value<'gc>) -> String {
    // The language of the frame that raised knows its own exceptions best.
    let name = root.traceback.last().map(|f| f.lang);
    let lang = langs
        .iter()
        .find(|l| Some(l.name()) == name)
        .or(langs.first());
    match lang {
        Some(l) => l.describe_exception(exc),
        None => format!("{exc:?}"),
    }
}
