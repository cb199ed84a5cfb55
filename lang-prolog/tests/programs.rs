//! Runs every `tests/programs/NAME.pl` through the `prolog-run` binary (the
//! default term-store engine and the older engines, each with the JIT on
//! and off; see [`RUNS`]) and compares with the goldens from the real `swipl`:
//! `NAME.pl.out` (stdout, exact), `NAME.pl.err` (stderr, when present),
//! `NAME.pl.code` (exit code, default 0). `NAME.pl.goal` holds a `-g` goal;
//! `NAME.pl.in` is standard input (default: empty).
//! Paths in messages are normalised: the programs directory becomes `<DIR>`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Longest one run may take (a runaway program fails instead of hanging).
const TIMEOUT: Duration = Duration::from_secs(300);
/// At most this much of a program's output is kept (and shown in a diff).
const MAX_OUTPUT: u64 = 1 << 20;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

fn run_one(file: &Path, jit: bool, meta: bool, engine: &str) -> Result<(), String> {
    let dir = std::fs::canonicalize(programs_dir()).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prolog-run"));
    if !jit {
        cmd.arg("--no-jit");
    }
    // the default (term-store) engine, and the older engines it falls
    // back to: the helper loop and the `Meta`-level clause interpreter
    cmd.env("POLYVM_PL_ENGINE", engine);
    cmd.env("POLYVM_PL_META", if meta { "1" } else { "0" });
    cmd.arg(file);
    let goal_file = PathBuf::from(format!("{}.goal", file.display()));
    if let Ok(g) = std::fs::read_to_string(&goal_file) {
        cmd.arg("-g").arg(g.trim());
    }
    let input = std::fs::read(format!("{}.in", file.display())).unwrap_or_default();
    let r = common::run_bounded(cmd, &dir, input, TIMEOUT, MAX_OUTPUT)?;
    let (stdout, stderr) = (r.stdout, r.stderr);
    let want_out = std::fs::read_to_string(format!("{}.out", file.display())).unwrap_or_default();
    let mut problems = Vec::new();
    if stdout != want_out {
        problems.push(format!(
            "stdout differs:\n--- want\n{want_out}--- got\n{stdout}"
        ));
    }
    if let Ok(want_err) = std::fs::read_to_string(format!("{}.err", file.display())) {
        if stderr != want_err {
            problems.push(format!(
                "stderr differs:\n--- want\n{want_err}--- got\n{stderr}"
            ));
        }
    }
    let want_code: i32 = std::fs::read_to_string(format!("{}.code", file.display()))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let code = r.code.unwrap_or(-1);
    if code != want_code {
        problems.push(format!(
            "exit code {code}, want {want_code}\nstderr:\n{stderr}"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// (JIT, `Meta` path, `POLYVM_PL_ENGINE`) of each run of a program: the
/// default engine with the JIT on and off, and the older engines.
const RUNS: [(bool, bool, &str); 6] = [
    (false, false, "store"),
    (true, false, "store"),
    (false, false, "clause"),
    (true, false, "clause"),
    (false, true, "clause"),
    (true, true, "clause"),
];

#[test]
fn programs_match_swipl() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pl"))
        .collect();
    files.sort();
    let only = std::env::var("PL_TEST").ok();
    let mut failures = Vec::new();
    let mut n = 0;
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        n += 1;
        // `NAME.pl.store_only`: behaviour only the default engine has
        // (e.g. rational trees); the older engines are not run on it
        let store_only = PathBuf::from(format!("{}.store_only", f.display())).exists();
        // `NAME.pl.clause_only`: a known gap of the default engine (the
        // marker says which); only the older engines are run on it
        let clause_only = PathBuf::from(format!("{}.clause_only", f.display())).exists();
        for (jit, meta, engine) in RUNS {
            if (store_only && engine != "store") || (clause_only && engine == "store") {
                continue;
            }
            if let Err(e) = run_one(f, jit, meta, engine) {
                failures.push(format!(
                    "== {name} (engine={engine}, jit={jit}, meta={meta})\n{e}"
                ));
            }
        }
    }
    assert!(n > 0, "no programs found");
    if !failures.is_empty() {
        panic!(
            "{} of {} runs failed:\n{}",
            failures.len(),
            RUNS.len() * n,
            failures.join("\n")
        );
    }
}
