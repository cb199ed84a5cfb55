//! `fl [--no-jit] [--max-depth N] FILE`: runs an FL program (with RPN functions).
//!
//! Prints the program's output; on a syntax or runtime error prints one line
//! `FILE:LINE:COL: error: MESSAGE` to stderr and exits with status 1.
//! `POLYVM_LOG=jit` prints every trace and abort.

#[path = "lib.rs"]
#[allow(dead_code)]
mod fl;

use std::io::Write;
use std::path::Path;

use fl::run::{run_file, Engine, Options};

fn usage() -> ! {
    eprintln!("usage: fl [--no-jit] [--max-depth N] FILE");
    std::process::exit(2);
}

fn main() {
    let mut opts = Options {
        engine: Engine::Jit,
        max_depth: None,
        capture: false,
        max_bridges: None,
    };
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--no-jit" => opts.engine = Engine::Plain,
            "--max-depth" => match args.next().and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n > 0 => opts.max_depth = Some(n),
                _ => usage(),
            },
            "-h" | "--help" => usage(),
            _ if a.starts_with("--") => usage(),
            _ if file.is_none() => file = Some(a),
            _ => usage(),
        }
    }
    let Some(file) = file else { usage() };
    let out = run_file(Path::new(&file), &file, &opts);
    if !out.stderr.is_empty() {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(out.stderr.as_bytes());
        let _ = err.flush();
    }
    std::process::exit(out.code);
}
