//! Runs every `tests/programs/NAME.pl` through the `prolog-run` binary twice
//! (JIT on and off) and compares with the goldens from the real `swipl`:
//! `NAME.pl.out` (stdout, exact), `NAME.pl.err` (stderr, when present),
//! `NAME.pl.code` (exit code, default 0). `NAME.pl.goal` holds a `-g` goal;
//! `NAME.pl.in` is standard input (default: empty).
//! Paths in messages are normalised: the programs directory becomes `<DIR>`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Longest one run may take (a runaway program fails instead of hanging).
const TIMEOUT: Duration = Duration::from_secs(300);
/// At most this much of a program's output is kept (and shown in a diff).
const MAX_OUTPUT: u64 = 1 << 20;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

fn normalise(s: &str, dir: &str) -> String {
    s.replace(&format!("{dir}/"), "<DIR>/")
}

fn run_one(file: &Path, jit: bool, meta: bool) -> Result<(), String> {
    let dir = std::fs::canonicalize(programs_dir()).unwrap();
    let dir_s = dir.to_string_lossy().into_owned();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prolog-run"));
    if !jit {
        cmd.arg("--no-jit");
    }
    // both engines: the helper loop and the `Meta`-level clause interpreter
    cmd.env("POLYVM_PL_META", if meta { "1" } else { "0" });
    cmd.arg(file);
    let goal_file = PathBuf::from(format!("{}.goal", file.display()));
    if let Ok(g) = std::fs::read_to_string(&goal_file) {
        cmd.arg("-g").arg(g.trim());
    }
    cmd.current_dir(&dir);
    let input = std::fs::read(format!("{}.in", file.display())).unwrap_or_default();
    cmd.stdin(std::process::Stdio::piped());
    cmd.stdout(std::process::Stdio::piped());
    cmd.stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| e.to_string())?;
    let mut stdin = child.stdin.take().unwrap();
    // a writer thread, so a program that does not read cannot block us
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(&input);
    });
    let reader = |p: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            if let Some(p) = p {
                let mut p = p.take(MAX_OUTPUT);
                let _ = p.read_to_end(&mut v);
                // drain the rest so the child never blocks on a full pipe
                let _ = std::io::copy(&mut p.into_inner(), &mut std::io::sink());
            }
            v
        })
    };
    let out_t = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err_t = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break st;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = feeder.join();
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap()).into_owned();
    let stderr = normalise(&String::from_utf8_lossy(&err_t.join().unwrap()), &dir_s);
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
    let code = status.code().unwrap_or(-1);
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
        for (jit, meta) in [(false, false), (true, false), (false, true), (true, true)] {
            if let Err(e) = run_one(f, jit, meta) {
                failures.push(format!("== {name} (jit={jit}, meta={meta})\n{e}"));
            }
        }
    }
    assert!(n > 0, "no programs found");
    if !failures.is_empty() {
        panic!(
            "{} of {} runs failed:\n{}",
            failures.len(),
            4 * n,
            failures.join("\n")
        );
    }
}
