//! The term-store engine (`POLYVM_PL_ENGINE=store`) against the SWI goldens:
//! the van Roy programs (when `benches/external/prolog` is there; see
//! `tests/vanroy.rs`) and every corpus program of `tests/programs`, with
//! the JIT off (the store engine does not use it yet).
//!
//! The store engine runs directives, initialization goals and the `-g`
//! goal. With `POLYVM_LOG=store` it says on stderr whether it ran a goal or
//! fell back to the older engine; this test fails when a program falls
//! back (except the ones in [`FALLS_BACK`]) or runs nothing on the store
//! engine, and every program must give SWI's output. `PL_TEST=name` runs
//! a subset.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(600);

/// Programs with a goal the store engine hands to the older engine:
/// `consult/1` and `ensure_loaded/1` (loading runs there).
const FALLS_BACK: &[&str] = &["consult2.pl", "store_fallback_db.pl"];
const MAX_OUTPUT: u64 = 1 << 22;

struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
    ran: bool,
    fell_back: Vec<String>,
}

fn run(dir: &Path, file: &str, goal: Option<&str>, input: Vec<u8>) -> Result<Run, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prolog-run"));
    cmd.arg("--no-jit")
        .env("POLYVM_PL_ENGINE", "store")
        .env("POLYVM_LOG", "store")
        .arg(file);
    if let Some(g) = goal {
        cmd.arg("-g").arg(g);
    }
    let r = common::run_bounded(cmd, dir, input, TIMEOUT, MAX_OUTPUT)?;
    let mut stderr = String::new();
    let mut ran = false;
    let mut fell_back = Vec::new();
    for line in r.stderr.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("[store] ") {
            if rest.starts_with("runs") {
                ran = true;
            } else {
                fell_back.push(rest.trim().to_string());
            }
        } else {
            stderr.push_str(line);
        }
    }
    Ok(Run {
        stdout: r.stdout,
        stderr,
        code: r.code,
        ran,
        fell_back,
    })
}

fn selected(name: &str) -> bool {
    std::env::var("PL_TEST").map_or(true, |t| t.split(',').any(|x| x == name))
}

/// Compares one run with its goldens; the problems found.
fn compare(r: &Run, out: &str, err: Option<&str>, code: i32) -> Vec<String> {
    let mut p = Vec::new();
    if r.stdout != out {
        p.push(format!(
            "stdout differs:\n--- want\n{out}--- got\n{}",
            r.stdout
        ));
    }
    if let Some(err) = err.filter(|e| r.stderr != *e) {
        p.push(format!(
            "stderr differs:\n--- want\n{err}--- got\n{}",
            r.stderr
        ));
    }
    if r.code != Some(code) {
        p.push(format!("exit code {:?}, want {code}", r.code));
    }
    p
}

#[derive(Default)]
struct Tally {
    ran: Vec<String>,
    fell_back: Vec<String>,
    not_run: Vec<String>,
    failures: Vec<String>,
}

impl Tally {
    fn note(&mut self, name: &str, r: &Run, problems: Vec<String>) {
        if !r.fell_back.is_empty() {
            self.fell_back
                .push(format!("{name} ({})", r.fell_back.join("; ")));
            if !FALLS_BACK.contains(&name) {
                self.failures
                    .push(format!("{name}: fell back to the older engine"));
            }
        } else if r.ran {
            self.ran.push(name.to_string());
        } else {
            self.not_run.push(name.to_string());
            self.failures
                .push(format!("{name}: ran nothing on the store engine"));
        }
        for p in problems {
            self.failures.push(format!("{name}: {p}"));
        }
    }
}

#[test]
fn vanroy_programs_on_the_store_engine() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("../benches/external/prolog");
    let goals = root.join("tests/vanroy");
    if !dir.is_dir() {
        eprintln!("benches/external/prolog is missing: van Roy programs not run");
        return;
    }
    let dir = std::fs::canonicalize(dir).unwrap();
    let mut t = Tally::default();
    let mut names: Vec<String> = std::fs::read_dir(&goals)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            if p.extension()? != "goal" {
                return None;
            }
            Some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    for name in names.iter().filter(|n| selected(n)) {
        let goal = std::fs::read_to_string(goals.join(format!("{name}.goal"))).unwrap();
        let out = std::fs::read_to_string(goals.join(format!("{name}.out"))).unwrap_or_default();
        let err = std::fs::read_to_string(goals.join(format!("{name}.err"))).unwrap_or_default();
        let file = format!("{name}.pl");
        match run(&dir, &file, Some(goal.trim()), Vec::new()) {
            Err(e) => t.failures.push(format!("{name}: {e}")),
            Ok(r) => {
                let p = compare(&r, &out, Some(&err), 0);
                t.note(name, &r, p);
            }
        }
        match run(&dir, &file, Some("top"), Vec::new()) {
            Err(e) => t.failures.push(format!("{name} top: {e}")),
            Ok(r) => {
                let p = compare(&r, "", Some(&err), 0);
                t.note(&format!("{name} top"), &r, p);
            }
        }
    }
    report("van Roy", &t);
}

#[test]
fn corpus_programs_on_the_store_engine() {
    let dir = std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs"))
        .unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pl"))
        .collect();
    files.sort();
    let mut t = Tally::default();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if !selected(name.trim_end_matches(".pl")) {
            continue;
        }
        // a known gap of the default engine (programs.rs skips it too)
        if PathBuf::from(format!("{}.clause_only", f.display())).exists() {
            continue;
        }
        let read = |ext: &str| std::fs::read_to_string(format!("{}.{ext}", f.display()));
        let goal = read("goal").ok();
        let out = read("out").unwrap_or_default();
        // stderr is checked when there is a golden for it (as programs.rs)
        let err = read("err").ok();
        let code = read("code")
            .ok()
            .and_then(|c| c.trim().parse().ok())
            .unwrap_or(0);
        let input = std::fs::read(format!("{}.in", f.display())).unwrap_or_default();
        match run(&dir, &name, goal.as_deref().map(str::trim), input) {
            Err(e) => t.failures.push(format!("{name}: {e}")),
            Ok(r) => {
                let p = compare(&r, &out, err.as_deref(), code);
                t.note(&name, &r, p);
            }
        }
    }
    report("corpus", &t);
}

fn report(what: &str, t: &Tally) {
    eprintln!(
        "{what}: the store engine ran {} runs: {}",
        t.ran.len(),
        t.ran.join(" ")
    );
    eprintln!(
        "{what}: {} runs fell back to the default engine: {}",
        t.fell_back.len(),
        t.fell_back.join(", ")
    );
    eprintln!(
        "{what}: {} runs ran nothing on the store engine: {}",
        t.not_run.len(),
        t.not_run.join(" ")
    );
    assert!(
        t.failures.is_empty(),
        "{} failures:\n{}",
        t.failures.len(),
        t.failures.join("\n\n")
    );
}
