//! The virtual machine: one arena, the registered languages, and the loop
//! that alternates execution slices with garbage collection.

use gc_arena::metrics::Pacing;
use gc_arena::{Arena, Mutation, Rootable};

use crate::exec::{self, Config, FrameInfo, Language, Root, Slice};
use crate::heap::LangId;
use crate::jit::JitState;
use crate::meta::SLICE_DEBT_LIMIT;
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

/// Live objects above which the heap may grow by [`LARGE_SLEEP_FACTOR`]
/// times its live size between cycles instead of once (see [`pacing_for`]):
/// a few MiB of objects (boyer on the Meta-level path keeps 25-140 K).
const LARGE_HEAP: usize = 1 << 15;

/// The sleep factor for large live heaps.
const LARGE_SLEEP_FACTOR: f64 = 3.0;

/// Live objects above which the sleep factor is [`HUGE_SLEEP_FACTOR`], so
/// that the peak heap of a program with a very large live heap stays
/// within three times its live size.
const HUGE_HEAP: usize = 1 << 21;

/// The sleep factor for very large live heaps.
const HUGE_SLEEP_FACTOR: f64 = 2.0;

/// The pacing for a heap that had `live` objects after the last cycle.
///
/// A stop-the-world cycle marks the live objects and sweeps every object,
/// live or dead, so with a sleep factor `f` (`f * live` objects allocated
/// between cycles) collection costs about `(2 + f) / f` units per
/// allocated object: 3 at `f = 1`, 2 at `f = 2`, 1.7 at `f = 3` (sweeping,
/// which visits every object and misses the cache on most, is most of it).
/// Small heaps keep `f = 1`: their peak memory matters more than the few
/// cycles. Measured on Prolog's boyer on the Meta-level path (`sweep_one`
/// a third of its time; 288 cycles for 20 runs): CPU 10.3 s at `f = 1`,
/// 8.4 s at `f = 2`, 7.1 s at `f = 3`, peak RSS 58, 87 and 94 MB; tak
/// -13%; the Python and PHP benchmarks keep fewer than 2^15 objects.
fn pacing_for(live: usize) -> Pacing {
    let sleep_factor = if live > HUGE_HEAP {
        HUGE_SLEEP_FACTOR
    } else if live > LARGE_HEAP {
        LARGE_SLEEP_FACTOR
    } else {
        return PACING;
    };
    Pacing {
        sleep_factor,
        ..PACING
    }
}

/// The shortest slice [`SliceLength`] makes, in units of fuel.
const MIN_SLICE: i64 = 64;

/// The length of the next slice, adapted to how much the program allocates.
///
/// A collection can only run between slices, so every object a slice
/// allocates after a collection became due is garbage the heap carries
/// until the slice ends. A slice of [`Config::fuel`] instructions is short
/// for most programs, but not for instructions that allocate much (a Prolog
/// step that runs several goals, a helper building a large string), nor
/// for machine code, whose allocations are cheap. The plain interpreter
/// ends a slice itself once it overran the due point by
/// [`crate::meta::SLICE_DEBT_LIMIT`] objects; machine code does not look,
/// so after a slice that overran it by more than that too, the next slices
/// are shorter (a quarter, down to [`MIN_SLICE`]); after slices that
/// overran it by less than a quarter of that, they grow back to
/// `Config::fuel`. Slices that end early cost compiled code an
/// exit each (with inlined frames to rebuild), and change when loops get
/// hot, so ordinary programs keep full slices: starting short made
/// richards' trace tree worse (5x the trace entries).
#[derive(Copy, Clone, Debug)]
struct SliceLength {
    fuel: i64,
    max: i64,
}

impl SliceLength {
    fn new(max: i64) -> SliceLength {
        SliceLength { fuel: max, max }
    }

    /// Adjusts the length after a slice that left `debt` objects allocated
    /// past the due point.
    fn adapt(&mut self, debt: f64) {
        if debt > SLICE_DEBT_LIMIT {
            self.fuel = (self.fuel / 4).max(MIN_SLICE.min(self.max));
        } else if debt < SLICE_DEBT_LIMIT / 4.0 {
            self.fuel = self.fuel.saturating_mul(2).min(self.max);
        }
    }
}

/// One heap, one frame stack, one JIT, several languages.
pub struct Vm {
    arena: Arena<Rootable![Root<'_>]>,
    langs: Vec<Box<dyn Language>>,
    /// The knobs; change them before running.
    pub config: Config,
    /// `POLYVM_LOG=gc`: print each collection's heap counts and the RSS.
    log_gc: bool,
    /// Objects left by the last collection (0 before the first).
    live: usize,
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
            live: 0,
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
        let mut config = self.config.clone();
        let mut slice = SliceLength::new(config.fuel);
        config.fuel = slice.fuel;
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
            let debt = self.arena.metrics().allocation_debt();
            slice.adapt(debt);
            config.fuel = slice.fuel;
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
            // The sleep that follows this cycle is computed as it ends.
            self.arena.metrics().set_pacing(pacing_for(self.live));
            self.arena.finish_cycle();
            self.live = self.arena.metrics().total_gc_count();
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

#[cfg(test)]
mod tests {
    use super::{SliceLength, MIN_SLICE};
    use crate::meta::SLICE_DEBT_LIMIT;

    #[test]
    fn large_live_heaps_sleep_longer_between_cycles() {
        use super::{
            pacing_for, HUGE_HEAP, HUGE_SLEEP_FACTOR, LARGE_HEAP, LARGE_SLEEP_FACTOR, PACING,
        };
        assert_eq!(pacing_for(0).sleep_factor, PACING.sleep_factor);
        assert_eq!(pacing_for(LARGE_HEAP).sleep_factor, PACING.sleep_factor);
        let large = pacing_for(LARGE_HEAP + 1);
        assert_eq!(large.sleep_factor, LARGE_SLEEP_FACTOR);
        assert_eq!(large.min_sleep, PACING.min_sleep);
        assert_eq!(pacing_for(HUGE_HEAP).sleep_factor, LARGE_SLEEP_FACTOR);
        assert_eq!(pacing_for(HUGE_HEAP + 1).sleep_factor, HUGE_SLEEP_FACTOR);
    }

    #[test]
    fn slices_shrink_after_overrunning_the_due_point_and_grow_back() {
        let limit = SLICE_DEBT_LIMIT;
        let mut s = SliceLength::new(100_000);
        assert_eq!(s.fuel, 100_000);
        s.adapt(limit / 2.0);
        assert_eq!(s.fuel, 100_000);
        s.adapt(limit * 2.0);
        assert_eq!(s.fuel, 25_000);
        for _ in 0..10 {
            s.adapt(1e9);
        }
        assert_eq!(s.fuel, MIN_SLICE);
        // Between a quarter of the limit and the limit: unchanged.
        s.adapt(limit / 2.0);
        assert_eq!(s.fuel, MIN_SLICE);
        for _ in 0..20 {
            s.adapt(0.0);
        }
        assert_eq!(s.fuel, 100_000);
        // A configured fuel below the minimum is kept.
        let mut s = SliceLength::new(10);
        s.adapt(1e9);
        assert_eq!(s.fuel, 10);
    }
}
