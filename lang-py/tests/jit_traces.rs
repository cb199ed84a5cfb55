//! What compiled traces of Python code contain, read from `POLYVM_LOG=jit`.

use std::process::Command;

/// The optimised IR of every trace `pyrun` compiles for `src`, and its stdout.
fn optimised_traces(src: &str) -> (Vec<String>, String) {
    // One directory per call: the tests run in parallel threads.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("lang-py-jit-traces-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("prog.py");
    std::fs::write(&path, src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pyrun"))
        .arg(&path)
        .env("POLYVM_LOG", "jit")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = String::from_utf8_lossy(&out.stderr);
    let mut traces = Vec::new();
    let mut cur: Option<String> = None;
    for line in log.lines() {
        if line.starts_with("jit: ") {
            if let Some(t) = cur.take() {
                traces.push(t);
            }
            if line.contains(") optimised, ") {
                cur = Some(String::new());
            }
        } else if let Some(t) = cur.as_mut() {
            t.push_str(line);
            t.push('\n');
        }
    }
    traces.extend(cur);
    (traces, String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A call of a function that is a trace constant (a global bound once)
/// reads nothing from the function object: its kind is known when the
/// trace is recorded (`Meta::const_value`), so no load of a constant's
/// field 0 and no guard on it remain.
#[test]
fn calls_of_constant_functions_read_nothing_from_the_function() {
    let src = "def f(x):\n    return x + 1\n\n\ndef run(n):\n    s = 0\n    for i in range(n):\n        s = f(s)\n    return s\n\n\nprint(run(3000))\n";
    let (traces, stdout) = optimised_traces(src);
    assert_eq!(stdout.trim(), "3000");
    assert!(!traces.is_empty(), "the loop was compiled");
    for t in &traces {
        let loads_of_constants = t
            .lines()
            .filter(|l| l.contains("= get_field c") && l.ends_with(", #0"))
            .count();
        assert_eq!(loads_of_constants, 0, "{t}");
    }
}

/// Global functions stay trace constants in a program that uses the bundled
/// library (collections and its abc classes, enum, dataclasses, fractions,
/// math.floor of an instance): nothing there may expose a module's dict
/// (`globals()`), which would turn every global read into a dict lookup for
/// the rest of the run.
#[test]
fn the_bundled_library_keeps_globals_constant() {
    let src = "import collections, collections.abc, enum, dataclasses, fractions, math, io, types\n\
class C(enum.Enum):\n    A = 1\n\n\
@dataclasses.dataclass\nclass P:\n    x: int = 0\n\n\
print(math.floor(fractions.Fraction(7, 2)), isinstance([], collections.abc.Sequence), list(C), P(1))\n\
def f(x):\n    return x + 1\n\n\
def run(n):\n    s = 0\n    for i in range(n):\n        s = f(s)\n    return s\n\n\
print(run(3000))\n";
    let (traces, stdout) = optimised_traces(src);
    assert!(stdout.ends_with("3000\n"), "{stdout}");
    assert!(!traces.is_empty(), "the loop was compiled");
    for t in &traces {
        assert!(!t.contains("dict_get"), "a global read from its dict:\n{t}");
    }
}
