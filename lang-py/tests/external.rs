//! Runs pyperformance's richards, deltablue, fannkuch, nbody and
//! spectral_norm (as turned into plain scripts by `benches/python/prepare.py`)
//! through the `pyrun` binary, JIT on and off, and compares their output
//! with CPython 3.11's (`tests/external/NAME.out`).
//!
//! The programs are third-party code, so they are not in the repository:
//! `benches/get_external.sh` fetches them into `benches/external/` (git-
//! ignored). Without them this test prints a notice and checks nothing; with
//! them it runs every program. `prepare.py` is run first when `python3` is
//! installed, so the scripts always match the committed recipe.

use std::path::{Path, PathBuf};
use std::process::Command;

const PROGRAMS: [&str; 5] = [
    "richards",
    "deltablue",
    "fannkuch",
    "nbody",
    "spectral_norm",
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

fn external_dir() -> PathBuf {
    repo().join("benches").join("external").join("python")
}

/// Regenerates `NAME.py` from `NAME.orig.py` when python3 is available.
fn prepare() {
    let script = repo().join("benches").join("python").join("prepare.py");
    match Command::new("python3").arg(&script).output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "prepare.py failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => eprintln!("external: python3 not found; using the prepared scripts as they are"),
    }
}

/// Runs `prog` in `dir` through pyrun (with `pythonpath`, JIT on or off):
/// a description of the failure unless it exits 0 printing `want`.
fn check(
    name: &str,
    prog: &Path,
    dir: &Path,
    pythonpath: Option<&Path>,
    jit: bool,
    want: &str,
) -> Option<String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrun"));
    if !jit {
        cmd.arg("--no-jit");
    }
    if let Some(p) = pythonpath {
        cmd.env("PYTHONPATH", p);
    }
    let out = cmd
        .arg(prog)
        .current_dir(dir)
        .env_remove("POLYVM_LOG")
        .output()
        .expect("runs pyrun");
    let stdout = String::from_utf8_lossy(&out.stdout);
    (stdout != want || !out.status.success()).then(|| {
        format!(
            "{name} (jit={jit}): exit {:?}\n--- want\n{want}--- got\n{stdout}--- stderr\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn pyperformance_programs_match_cpython() {
    let dir = external_dir();
    if !dir.join("richards.orig.py").exists() {
        eprintln!(
            "external: SKIPPED: {} is absent (run benches/get_external.sh to fetch pyperformance's programs)",
            dir.display()
        );
        return;
    }
    prepare();
    let mut failures = Vec::new();
    for name in PROGRAMS {
        let prog = dir.join(format!("{name}.py"));
        let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join("external")
            .join(format!("{name}.out"));
        let want = std::fs::read_to_string(&golden).expect("golden output");
        for jit in [true, false] {
            if let Some(f) = check(name, &prog, &dir, None, jit, &want) {
                failures.push(f);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// More of pyperformance's programs, run unmodified (`bm_NAME/run_benchmark.py`
/// as published) with `benches/python/pyperf_shim` standing in for pyperf:
/// each must run to completion, JIT on and off, printing what CPython 3.11
/// prints with the same stand-in (`tests/external/more/NAME.out`). The list
/// is `benches/python/more_programs.txt`; names commented out there are too
/// slow for a debug build and are run by hand.
#[test]
fn more_pyperformance_programs_match_cpython() {
    let dir = external_dir().join("more");
    let list = repo()
        .join("benches")
        .join("python")
        .join("more_programs.txt");
    let list = std::fs::read_to_string(list).expect("more_programs.txt");
    let names: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    if !dir.join(format!("{}.py", names[0])).exists() {
        eprintln!(
            "external: SKIPPED: {} is absent (run benches/get_external.sh)",
            dir.display()
        );
        return;
    }
    let shim = repo().join("benches").join("python").join("pyperf_shim");
    let mut failures = Vec::new();
    for name in names {
        let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join("external")
            .join("more")
            .join(format!("{name}.out"));
        let want = std::fs::read_to_string(&golden).expect("golden output");
        let prog = dir.join(format!("{name}.py"));
        for jit in [true, false] {
            if let Some(f) = check(name, &prog, &dir, Some(&shim), jit, &want) {
                failures.push(f);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
