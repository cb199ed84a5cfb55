//! `words [--no-jit | --rust] N REPS`: the word-store micro-benchmark.
//!
//! Builds a linked list of `N` cells in a word store (pushes that grow the
//! store), sums it `REPS` times (indexed loads), then runs `N` choicepoints
//! (push, rewrite, read back, truncate); prints the result and the time.
//! `--rust` does the same on a plain `Vec<u64>` without the VM.
//! `POLYVM_LOG=jit` prints the compiled traces.

#[path = "lang.rs"]
mod lang;

use std::time::Instant;

fn usage() -> ! {
    eprintln!("usage: words [--no-jit | --rust] N REPS");
    std::process::exit(2);
}

fn main() {
    let mut jit = true;
    let mut rust = false;
    let mut nums = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--no-jit" => jit = false,
            "--rust" => rust = true,
            _ => match a.parse::<i64>() {
                Ok(x) if x > 0 => nums.push(x),
                _ => usage(),
            },
        }
    }
    let [n, reps] = nums[..] else { usage() };
    let start = Instant::now();
    let result = if rust {
        Ok(lang::run_vec(
            std::hint::black_box(n),
            std::hint::black_box(reps),
        ))
    } else {
        let config = vm_core::Config {
            jit,
            ..vm_core::Config::from_env()
        };
        lang::run(config, n, reps, false).0
    };
    let secs = start.elapsed().as_secs_f64();
    match result {
        Ok(x) => println!("{x}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
    eprintln!("{secs:.3} s");
}
