//! Measuring the JIT's own cost (`POLYVM_LOG=jit`'s stats line).
//!
//! On a loaded machine wall time says little about what compiling cost, so
//! when the stats are printed the stopwatch counts the thread's CPU time
//! (Linux's `/proc/thread-self/schedstat`, nanoseconds on CPU); otherwise,
//! or where that file does not exist, it counts wall time, which costs
//! nothing to read. The kernel updates the CPU time at scheduler ticks, so
//! one short measurement is quantised; sums over many are fair.

use std::sync::OnceLock;
use std::time::Instant;

/// A started measurement.
pub enum Stopwatch {
    /// Thread CPU time at the start, in nanoseconds.
    Cpu(u64),
    /// Wall time at the start.
    Wall(Instant),
}

impl Stopwatch {
    /// Starts measuring.
    pub fn start() -> Stopwatch {
        match cpu_enabled().then(thread_cpu_nanos).flatten() {
            Some(ns) => Stopwatch::Cpu(ns),
            None => Stopwatch::Wall(Instant::now()),
        }
    }

    /// Microseconds since [`Stopwatch::start`].
    pub fn micros(&self) -> u64 {
        match self {
            Stopwatch::Cpu(start) => thread_cpu_nanos()
                .map(|now| now.saturating_sub(*start) / 1000)
                .unwrap_or(0),
            Stopwatch::Wall(start) => start.elapsed().as_micros().min(u64::MAX as u128) as u64,
        }
    }
}

/// Whether `POLYVM_LOG` asks for the JIT's stats.
fn cpu_enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| {
        std::env::var("POLYVM_LOG")
            .unwrap_or_default()
            .split(',')
            .any(|s| s.trim() == "jit")
    })
}

/// The calling thread's CPU time so far, if the system says (some kernels
/// report 0 for threads other than the main one: then it does not).
fn thread_cpu_nanos() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace()
        .next()?
        .parse()
        .ok()
        .filter(|ns| *ns > 0)
}

#[cfg(test)]
mod tests {
    use super::{thread_cpu_nanos, Stopwatch};

    #[test]
    fn cpu_time_grows_with_work() {
        let Some(a) = thread_cpu_nanos() else {
            return; // no per-thread CPU time here: the stopwatch falls back to wall time
        };
        // The kernel updates the figure at scheduler ticks, and a loaded
        // machine may not run this thread for a while: work until it moves
        // (or give up after ten seconds of wall time).
        let began = std::time::Instant::now();
        let mut x = 0u64;
        let mut b = a;
        while b <= a && began.elapsed().as_secs() < 10 {
            for i in 0..1_000_000u64 {
                x = x.wrapping_mul(31).wrapping_add(i);
            }
            std::hint::black_box(x);
            b = thread_cpu_nanos().expect("still readable");
        }
        assert!(b > a, "{a} -> {b}");
        let w = Stopwatch::Wall(std::time::Instant::now());
        assert!(w.micros() < 10_000_000);
    }
}
