//! Runs php-src's `Zend/bench.php` and `Zend/micro_bench.php`, unmodified,
//! JIT on and off, and compares with php 8.2's output with the timing figures
//! masked (`tests/external/*.out`, written by `tests/gen_external_goldens.sh`).
//! bench.php discards each section's own output (`ob_start`/`ob_end_clean`),
//! so each section is also run alone through `benches/php/bench_section.php`
//! and its output compared with php's.
//!
//! The programs are third-party code and live in `benches/external/php/`
//! (git-ignored): when they are absent (CI) the test prints a notice and passes.

use std::path::{Path, PathBuf};

const SECTIONS: &[&str] = &[
    "simple",
    "simplecall",
    "simpleucall",
    "simpleudcall",
    "mandel",
    "mandel2",
    "ackermann",
    "ary",
    "ary2",
    "ary3",
    "fibo",
    "hash1",
    "hash2",
    "heapsort",
    "matrix",
    "nestedloop",
    "sieve",
    "strcat",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs a file in-process with captured output; returns (stdout, stderr, exit code).
fn run(path: &Path, args: &[String], jit: bool) -> (String, String, i32) {
    let p = path.to_path_buf();
    let args = args.to_vec();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            lang_php::runtime::capture_output(true);
            let mut config = vm_core::Config::default();
            config.jit = jit;
            let code =
                std::panic::catch_unwind(|| lang_php::run_file(&p, &args, config)).unwrap_or(-101);
            let (o, e) = lang_php::runtime::take_output();
            (
                String::from_utf8_lossy(&o).into_owned(),
                String::from_utf8_lossy(&e).into_owned(),
                code,
            )
        })
        .expect("thread")
        .join()
        .unwrap_or((String::new(), "panicked".into(), -101))
}

/// Replaces each timing figure (`-?d[d,]*.ddd`, with the spaces before it) by
/// ` #`; the same as `sed -E 's/ *-?[0-9][0-9,]*\.[0-9]{3}/ #/g'`.
fn mask(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let neg = b[i] == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b[i].is_ascii_digit() || neg {
            let mut j = i + usize::from(neg);
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b',') {
                j += 1;
            }
            let frac =
                b.len() >= j + 4 && b[j] == b'.' && b[j + 1..j + 4].iter().all(u8::is_ascii_digit);
            if frac {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push_str(" #");
                i = j + 4;
                continue;
            }
            out.push_str(&s[i..j.max(i + 1)]);
            i = j.max(i + 1);
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

fn external(name: &str) -> Option<PathBuf> {
    let p = root().join("benches/external/php").join(name);
    if p.exists() {
        Some(p)
    } else {
        println!(
            "NOTICE: {} absent (benches/external/ is filled by hand, see benches/get_external.sh); skipped",
            p.display()
        );
        None
    }
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/external")
            .join(name),
    )
    .expect("golden")
}

fn check_whole(file: &str) {
    let Some(path) = external(file) else { return };
    let want = golden(&format!("{file}.out"));
    for jit in [true, false] {
        let (o, e, c) = run(&path, &[], jit);
        assert_eq!((e.as_str(), c), ("", 0), "{file} (jit={jit}) stderr/exit");
        assert_eq!(mask(&o), want, "{file} (jit={jit}) output");
    }
}

#[test]
fn mask_replaces_timing_figures_only() {
    assert_eq!(mask("fibo(30)          12.345\n"), "fibo(30) #\n");
    assert_eq!(mask("func()   0.123    -0.004\n"), "func() # #\n");
    assert_eq!(mask("Ack(3,7): 1021\n"), "Ack(3,7): 1021\n");
    assert_eq!(
        mask("$x = $f ? $f : tmp12.939 #\n"),
        "$x = $f ? $f : tmp # #\n"
    );
}

#[test]
fn zend_bench_php() {
    check_whole("bench.php");
}

#[test]
fn zend_micro_bench_php() {
    check_whole("micro_bench.php");
}

#[test]
fn zend_bench_php_sections() {
    if external("bench.php").is_none() {
        return;
    }
    let driver = root().join("benches/php/bench_section.php");
    let want = golden("bench_sections.out");
    for jit in [true, false] {
        let mut got = String::new();
        for s in SECTIONS {
            let (o, e, c) = run(&driver, &[s.to_string()], jit);
            assert_eq!((e.as_str(), c), ("", 0), "section {s} (jit={jit})");
            got.push_str(&format!("== {s}\n{o}"));
        }
        assert_eq!(got, want, "bench.php sections (jit={jit})");
    }
}
