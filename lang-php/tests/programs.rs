//! Runs every `tests/programs/NAME.php` twice (JIT on and off) in-process with
//! captured output and compares with the goldens from the real php 8.2:
//! `NAME.php.out` (stdout), `NAME.php.err` (stderr, optional, default empty),
//! `NAME.php.code` (exit code, optional, default 0). The programs directory's
//! absolute path is written `%DIR%` in the goldens.
//!
//! Run one test: `cargo test -p lang-php --test programs -- NAME`.

use std::path::{Path, PathBuf};

fn run_one(path: &Path, jit: bool) -> (String, String, i32) {
    let p = path.to_path_buf();
    let h = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            lang_php::runtime::capture_output(true);
            let mut config = vm_core::Config::default();
            config.jit = jit;
            let code =
                std::panic::catch_unwind(|| lang_php::run_file(&p, &[], config)).unwrap_or(-101);
            let (o, e) = lang_php::runtime::take_output();
            (
                String::from_utf8_lossy(&o).into_owned(),
                String::from_utf8_lossy(&e).into_owned(),
                code,
            )
        })
        .expect("thread");
    h.join().unwrap_or((String::new(), "panicked".into(), -101))
}

fn main() {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    let dir_s = dir.to_string_lossy().into_owned();
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("programs dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map_or(false, |x| x == "php"))
        .filter(|p| {
            filter.is_empty()
                || filter
                    .iter()
                    .any(|f| p.to_string_lossy().contains(f.as_str()))
        })
        .collect();
    files.sort();
    let mut failed = Vec::new();
    let mut passed = 0;
    for f in &files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        // Goldens may hold bytes that are not UTF-8 (byte_strings.php): read
        // them as the output is read, lossily.
        let read = |ext: &str| {
            std::fs::read(format!("{}.{ext}", f.display()))
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        };
        let Some(want_out) = read("out") else {
            println!("SKIP {name} (no golden)");
            continue;
        };
        let want_err = read("err").unwrap_or_default();
        let want_code: i32 = read("code")
            .map(|c| c.trim().parse().unwrap_or(0))
            .unwrap_or(0);
        for jit in [false, true] {
            let (o, e, c) = run_one(f, jit);
            let o = o.replace(&dir_s, "%DIR%");
            let e = e.replace(&dir_s, "%DIR%");
            if o != want_out || e != want_err || c != want_code {
                println!("FAIL {name} (jit={jit})");
                if o != want_out {
                    println!("--- stdout want\n{want_out}--- stdout got\n{o}---");
                }
                if e != want_err {
                    println!("--- stderr want\n{want_err}--- stderr got\n{e}---");
                }
                if c != want_code {
                    println!("exit code want {want_code} got {c}");
                }
                failed.push(format!("{name} (jit={jit})"));
            } else {
                passed += 1;
            }
        }
    }
    println!("{passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        for f in &failed {
            println!("  {f}");
        }
        std::process::exit(1);
    }
}
