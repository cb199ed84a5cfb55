//! Runs every `tests/programs/NAME.py` through the `pyrun` binary twice (JIT
//! on, JIT off) and compares stdout, stderr and the exit code with the
//! goldens beside it (`NAME.py.out`, `NAME.py.err`, `NAME.py.code`), which
//! come from CPython 3.11 (`tests/gen_goldens.sh`). The programs directory's
//! absolute path is written `$DIR` in goldens. Files named `_*.py` are
//! helper modules that programs import. A program's standard input is
//! `NAME.py.in` when there is one, else empty.

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("programs")
}

fn run(prog: &Path, jit: bool) -> (String, String, i32) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrun"));
    if !jit {
        cmd.arg("--no-jit");
    }
    cmd.arg(prog)
        .current_dir(programs_dir())
        .env_remove("POLYVM_LOG");
    let input = std::fs::File::open(format!("{}.in", prog.display()));
    cmd.stdin(match input {
        Ok(f) => std::process::Stdio::from(f),
        Err(_) => std::process::Stdio::null(),
    });
    let out = cmd.output().expect("runs pyrun");
    let dir = programs_dir().to_string_lossy().into_owned();
    let norm = |b: &[u8]| String::from_utf8_lossy(b).replace(&dir, "$DIR");
    (
        norm(&out.stdout),
        norm(&out.stderr),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn programs_match_cpython() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .expect("programs dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map(|x| x == "py").unwrap_or(false))
        // `_name.py` files are modules the programs import, not programs.
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    names.sort();
    let only = std::env::var("PROGRAM").ok();
    let mut failures = Vec::new();
    let mut count = 0;
    for p in &names {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(o) = &only {
            if !name.contains(o.as_str()) {
                continue;
            }
        }
        let read = |ext: &str| std::fs::read_to_string(format!("{}.{}", p.display(), ext)).ok();
        let Some(want_out) = read("out") else {
            failures.push(format!("{name}: no golden .out"));
            continue;
        };
        let want_err = read("err").unwrap_or_default();
        let want_code: i32 = read("code")
            .map(|c| c.trim().parse().unwrap_or(0))
            .unwrap_or(0);
        count += 1;
        for jit in [true, false] {
            let (out, err, code) = run(p, jit);
            if out != want_out || err != want_err || code != want_code {
                let mut msg = format!("{name} (jit={jit}):");
                if out != want_out {
                    msg.push_str(&format!("\n--- stdout want\n{want_out}--- got\n{out}"));
                }
                if err != want_err {
                    msg.push_str(&format!("\n--- stderr want\n{want_err}--- got\n{err}"));
                }
                if code != want_code {
                    msg.push_str(&format!("\n--- exit code want {want_code} got {code}"));
                }
                failures.push(msg);
            }
        }
    }
    eprintln!("{count} programs checked, {} failures", failures.len());
    if !failures.is_empty() {
        panic!("{} failing:\n{}", failures.len(), failures.join("\n\n"));
    }
}
