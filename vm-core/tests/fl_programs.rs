//! Runs the FL example's programs (`vm-core/examples/fl/programs/`) and
//! checks them against their expectations.
//!
//! The FL implementation is included as a module (`#[path]`) and run in
//! process, so this test needs no prebuilt binary: `cargo test --test
//! fl_programs` builds only this target, and cargo does not build examples
//! for a filtered test run, so finding `target/*/examples/fl` would be
//! fragile. Only the (ignored) logging test runs the binary, building it first.
//!
//! Each `P.fl` has `P.fl.out` (its stdout, computed with CPython by
//! `programs/expected.py`); each `errors/P.fl` has `P.fl.err` (the one
//! stderr line, named as `programs/errors/P.fl`, relative to
//! `examples/fl/`) and, when it prints first, `P.fl.out`. A program whose
//! first line says `test: skip` is a benchmark and is not run here.
//!
//! Engines: every program runs with the plain interpreter (`--no-jit`) and
//! with the JIT, and both must print the expected output.

#[path = "../examples/fl/lib.rs"]
#[allow(dead_code)]
mod fl;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fl::run::{run_file, Engine, Options, Outcome};

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/fl")
}

fn engines() -> Vec<Engine> {
    vec![Engine::Plain, Engine::Jit]
}

/// Runs `rel` (relative to `examples/fl/`).
fn run(rel: &str, engine: Engine, max_depth: Option<usize>) -> Outcome {
    let opts = Options {
        engine,
        max_depth,
        capture: true,
        max_bridges: None,
    };
    run_file(&examples_dir().join(rel), rel, &opts)
}

/// The `.fl` files of a directory (relative to `examples/fl/`), minus benchmarks.
fn programs(sub: &str) -> Vec<String> {
    let dir = examples_dir().join(sub);
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".fl"))
        .filter(|n| {
            let src = std::fs::read_to_string(dir.join(n)).unwrap_or_default();
            !src.lines().next().unwrap_or("").contains("test: skip")
        })
        .map(|n| format!("{sub}/{n}"))
        .collect();
    out.sort();
    out
}

fn read(rel: &str) -> Option<String> {
    std::fs::read_to_string(examples_dir().join(rel)).ok()
}

/// Runs `check` on every program on its own thread; panics listing all failures.
fn check_all(progs: Vec<String>, check: fn(&str, Engine) -> Result<(), String>) {
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = progs
            .iter()
            .flat_map(|p| engines().into_iter().map(move |e| (p.clone(), e)))
            .map(|(p, e)| {
                s.spawn(move || match std::panic::catch_unwind(|| check(&p, e)) {
                    Ok(r) => r,
                    Err(_) => Err(format!("{p} ({e:?}): panicked")),
                })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|h| h.join().ok().and_then(|r| r.err()))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn programs_print_their_expected_output() {
    let progs = programs("programs");
    assert!(progs.len() >= 12, "programs missing: {progs:?}");
    check_all(progs, |p, e| {
        let want = read(&format!("{p}.out")).ok_or(format!("{p}: no .out file"))?;
        let out = run(p, e, None);
        if out.code != 0 || !out.stderr.is_empty() {
            return Err(format!(
                "{p} ({e:?}): exit {} stderr {:?}",
                out.code, out.stderr
            ));
        }
        if out.stdout != want {
            return Err(format!(
                "{p} ({e:?}): stdout\n{}\nwanted\n{}",
                out.stdout, want
            ));
        }
        keeps_meta_contract(p, &out)
    });
}

/// No recording was aborted because the interpreter broke the `Meta`
/// contract (a decision after a heap write, a guard outside an instruction).
fn keeps_meta_contract(p: &str, out: &Outcome) -> Result<(), String> {
    for why in &out.stats.aborts {
        if why.contains("guard after a heap write") || why.contains("no Meta::begin") {
            return Err(format!("{p}: breaks the Meta contract: {why}"));
        }
    }
    Ok(())
}

#[test]
fn error_programs_print_one_line_and_exit_1() {
    let progs = programs("programs/errors");
    assert!(progs.len() >= 5, "error programs missing: {progs:?}");
    check_all(progs, |p, e| {
        let want_err = read(&format!("{p}.err")).ok_or(format!("{p}: no .err file"))?;
        let want_out = read(&format!("{p}.out")).unwrap_or_default();
        let out = run(p, e, None);
        if out.code != 1 || out.stderr != want_err || out.stdout != want_out {
            return Err(format!(
                "{p} ({e:?}): exit {}, stderr {:?}, stdout {:?}; wanted stderr {want_err:?}, stdout {want_out:?}",
                out.code, out.stderr, out.stdout
            ));
        }
        keeps_meta_contract(p, &out)
    });
}

#[test]
fn deep_recursion_fails_cleanly_under_a_small_limit() {
    for e in engines() {
        let out = run("programs/deep_recursion.fl", e, Some(1000));
        assert_eq!(out.code, 1, "{e:?}");
        assert_eq!(out.stdout, "");
        assert_eq!(
            out.stderr,
            "programs/deep_recursion.fl:4:16: error: maximum recursion depth exceeded\n",
            "{e:?}"
        );
    }
}

/// The seed loop compiles; an FL loop calling RPN calling FL compiles to
/// one trace with the operations of both languages and no call left in it.
#[test]
fn traces_compile_and_inline_across_languages() {
    let seed = run("programs/seed.fl", Engine::Jit, None);
    assert!(!seed.traces.is_empty(), "{:?}", seed.stats);

    let cross = run("programs/cross.fl", Engine::Jit, None);
    let t = &cross.traces[0];
    assert!(
        t.langs.contains(&"rpn") && t.langs.contains(&"fl"),
        "{:?}\n{}",
        t.langs,
        t.text
    );
    assert!(
        t.max_frames >= 3,
        "FL -> RPN -> FL inlined: {}",
        t.max_frames
    );
    assert!(!t.has_calls, "{}", t.text);
    // The callee frames' vars dicts and stacks were never allocated.
    let loop_part = &t.text[t.text.find("label").expect("a peeled loop")..];
    let loop_ops = loop_part.split("snapshot").next().unwrap_or("");
    assert!(
        !loop_ops.contains("new_dict") && !loop_ops.contains("new_list"),
        "{loop_ops}"
    );
}

/// A guard that fails inside the inlined part rebuilds the frames of both
/// languages, and the output stays right (checked against `.out` above).
#[test]
fn exits_inside_inlined_calls_rebuild_frames_of_both_languages() {
    let out = run("programs/cross_flip.fl", Engine::Jit, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stats.inlined_frames_rebuilt > 0, "{:?}", out.stats);
    assert!(out.stats.rebuilt_langs.len() >= 2, "{:?}", out.stats);
}

/// An outer loop whose callee runs a long loop: the outer trace ends at the
/// inner loop's header instead of unrolling it, so no trace is long.
#[test]
fn outer_traces_do_not_unroll_inner_loops_of_callees() {
    let out = run("programs/inner_loop_call.fl", Engine::Jit, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.traces.len() >= 2, "{:?}", out.stats);
    for t in &out.traces {
        assert!(
            t.ops < 200,
            "trace {} has {} ops:\n{}",
            t.key,
            t.ops,
            t.text
        );
    }
}

/// Exits are linked in machine code: when the inner loop ends, a bridge
/// runs the rest of the outer body and enters the inner loop's code again,
/// so the driver sees only the exits taken before those bridges existed.
#[test]
fn linked_exits_keep_nested_loops_in_machine_code() {
    let out = run("programs/nested_loops.fl", Engine::Jit, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The first nest alone ends its inner loop 300 times; the program made
    // 5,799 exits before exits were linked, 154 since.
    assert!(out.stats.exits < 300, "{:?}", out.stats);
}

/// A bridge that reaches the return of its trace's root frame ends there
/// (the interpreter does the return) instead of being given up.
#[test]
fn bridges_end_at_the_return_of_their_root_frame() {
    let out = run("programs/loop_in_callee.fl", Engine::Jit, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stats.aborts.iter().all(|a| !a.contains("root frame")),
        "{:?}",
        out.stats
    );
    assert!(
        out.traces.len() >= 2,
        "a loop and its bridge: {:?}",
        out.stats
    );
}

/// A function with a loop, called from a loop: once a trace meets the
/// callee's loop header in an inlined call, the callee gets a trace of its
/// own and the outer loop's trace calls it (`call_trace`), running into the
/// inner loop's trace in machine code. The executor then enters compiled
/// code a few times, not once or twice per outer iteration (3000).
#[test]
fn functions_with_loops_are_called_not_inlined() {
    let out = run("programs/loop_in_callee.fl", Engine::Jit, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.traces.iter().any(|t| t.text.contains("call_trace")),
        "{:?}",
        out.stats
    );
    assert!(
        out.stats
            .aborts
            .iter()
            .any(|a| a.contains("loop in an inlined call")),
        "{:?}",
        out.stats
    );
    assert!(out.stats.entries < 300, "{:?}", out.stats);
}

/// A loop whose bridge goes back to its header every other iteration is
/// recorded again only when that could give a better trace: after a type
/// change (an int sum turned float: the bridge grew from a tag guard), not
/// for a data-dependent branch (the bridge grew from a comparison's guard).
#[test]
fn loops_are_recorded_again_after_type_changes_not_for_branches() {
    let loops = |out: &Outcome| {
        out.traces
            .iter()
            .filter(|t| t.text.contains("jump"))
            .count()
    };
    let branchy = run("programs/branchy_loop.fl", Engine::Jit, None);
    assert_eq!(branchy.code, 0, "{}", branchy.stderr);
    assert_eq!(loops(&branchy), 1, "{:?}", branchy.stats);
    let typed = run("programs/sum_turns_float.fl", Engine::Jit, None);
    assert_eq!(typed.code, 0, "{}", typed.stderr);
    assert!(loops(&typed) >= 2, "{:?}", typed.stats);
}

/// A recursive function gets a trace from its entry to its return, and its
/// recursive calls become calls of that trace's machine code: the executor
/// enters compiled code a handful of times, not once per call (fib(24)
/// alone makes 75,024 calls).
#[test]
fn recursive_calls_run_in_machine_code() {
    let out = run("programs/recursive_calls.fl", Engine::Jit, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let fib = out
        .traces
        .iter()
        .find(|t| t.text.contains("call_trace") && t.text.contains("finish"))
        .unwrap_or_else(|| panic!("no trace calls a trace: {:?}", out.stats));
    assert!(fib.text.matches("call_trace").count() >= 2, "{}", fib.text);
    assert!(out.stats.entries < 20_000, "{:?}", out.stats);
}

/// Recursion deeper than machine code nests calls, and a deep error: the
/// frames of the calls under way in machine code are rebuilt (the output
/// and the error's location are those of `--no-jit`, checked above).
#[test]
fn deep_recursion_rebuilds_the_frames_of_calls_in_machine_code() {
    let out = run("programs/recursive_calls.fl", Engine::Jit, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stats.nested_exits > 0, "{:?}", out.stats);
    let err = run("programs/errors/deep_error.fl", Engine::Jit, None);
    assert_eq!(err.code, 1);
    assert!(err.stats.nested_exits > 0, "{:?}", err.stats);
}

/// A tiny deterministic PRNG (xorshift64*), so the fuzz test needs no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Compiles `src`; fails on a panic or on taking far too long (the bound is
/// loose: the machine may be busy, and a real hang never returns anyway).
fn compiles_or_errs(src: &str) -> Result<(), String> {
    let start = Instant::now();
    let r = std::panic::catch_unwind(|| fl::compiler::compile_source("fuzz.fl", src));
    let shown: String = src.chars().take(120).collect();
    let shown = format!("{shown:?} ({} bytes)", src.len());
    if r.is_err() {
        return Err(format!("compiler panicked on {shown}"));
    }
    if start.elapsed() > Duration::from_secs(30) {
        return Err(format!("compiler took {:?} on {shown}", start.elapsed()));
    }
    Ok(())
}

/// The lexer, parser and compiler end on any input with a result or a
/// `SyntaxError`: random token soups, random bytes, every prefix of every
/// program, mutated programs, and very deep nesting.
#[test]
fn compiler_never_panics_or_hangs() {
    let mut sources: Vec<String> = Vec::new();
    for p in programs("programs")
        .iter()
        .chain(programs("programs/errors").iter())
    {
        sources.push(read(p).unwrap_or_default());
    }
    let pieces = [
        "x",
        "y",
        "f",
        "rpn",
        "def",
        "if",
        "elif",
        "else",
        "while",
        "return",
        "pass",
        "not",
        "and",
        "or",
        "True",
        "None",
        "print",
        "(",
        ")",
        ",",
        ":",
        "=",
        "==",
        "<",
        "<=",
        "+",
        "-",
        "*",
        "/",
        "%",
        "1",
        "0",
        "007",
        "1.5",
        "1e",
        "1e+",
        ".5",
        "9999999999999999999999",
        "\n",
        "\n    ",
        "\n        ",
        "\n  ",
        "\t",
        " ",
        "#",
        "dup",
        "swap",
        "f/2",
        "/0",
        "é",
        "\r\n",
        "$",
        "\"",
        "\\",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut failures = Vec::new();
    let mut check = |src: &str| {
        if let Err(e) = compiles_or_errs(src) {
            failures.push(e);
        }
    };
    // Prefixes of real programs (every character boundary of the short ones).
    for src in &sources {
        let bounds: Vec<usize> = src.char_indices().map(|(i, _)| i).collect();
        let step = (bounds.len() / 200).max(1);
        for &b in bounds.iter().step_by(step) {
            check(&src[..b]);
        }
    }
    // Mutations: delete, duplicate or insert a piece at random places.
    for _ in 0..2000 {
        let mut s = sources[rng.below(sources.len())].clone();
        for _ in 0..1 + rng.below(4) {
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let at = bounds[rng.below(bounds.len())];
            match rng.below(3) {
                0 => {
                    let end = bounds.iter().copied().find(|&b| b > at).unwrap_or(at);
                    s.replace_range(at..end, "");
                }
                1 => s.insert_str(at, pieces[rng.below(pieces.len())]),
                _ => {
                    let end = bounds.iter().copied().find(|&b| b > at).unwrap_or(at);
                    let dup = s[at..end].to_string();
                    s.insert_str(at, &dup);
                }
            }
        }
        check(&s);
    }
    // Token soups and random bytes.
    for _ in 0..3000 {
        let n = rng.below(60);
        let s: String = (0..n).map(|_| pieces[rng.below(pieces.len())]).collect();
        check(&s);
        let bytes: Vec<u8> = (0..rng.below(80)).map(|_| rng.next() as u8).collect();
        check(&String::from_utf8_lossy(&bytes));
    }
    // Nesting far past the parser's limit must be an error, not a stack overflow.
    for (open, close) in [
        ("(", ")"),
        ("-", ""),
        ("not ", ""),
        ("f(", ")"),
        ("(1 + ", ")"),
    ] {
        check(&format!(
            "x = {}1{}\n",
            open.repeat(100_000),
            close.repeat(100_000)
        ));
        check(&format!("x = {}1\n", open.repeat(100_000)));
    }
    check(
        &(0..300)
            .map(|i| format!("{}if x:\n", "    ".repeat(i)))
            .collect::<String>(),
    );
    check(&"\n".repeat(100_000));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let deep = fl::compiler::compile_source(
        "deep.fl",
        &format!("x = {}1{}\n", "(".repeat(500), ")".repeat(500)),
    );
    assert!(
        deep.is_err(),
        "nesting deeper than the limit is a syntax error"
    );
}

#[test]
fn floats_print_like_python_repr() {
    use fl::helpers::float_repr;
    let cases = [
        (0.1, "0.1"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (2.0, "2.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-0.0, "-0.0"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (1.5e-10, "1.5e-10"),
        (1.2345678901234568e17, "1.2345678901234568e+17"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (123.456, "123.456"),
        (-2.5e20, "-2.5e+20"),
    ];
    for (x, want) in cases {
        assert_eq!(float_repr(x), want, "repr of {x:e}");
    }
}

#[test]
fn big_int_division_is_correctly_rounded() {
    use fl::helpers::int_true_div;
    use num_bigint::BigInt;
    let big = |s: &str| s.parse::<BigInt>().unwrap();
    // Expected values from CPython.
    assert_eq!(
        int_true_div(&big("10").pow(20), &big("3")),
        Some(3.333333333333333e19)
    );
    assert_eq!(
        int_true_div(&big("9223372036854775808"), &big("7")),
        Some(1.3176245766935393e18)
    );
    assert_eq!(int_true_div(&big("1"), &big("10").pow(30)), Some(1e-30));
    assert_eq!(
        int_true_div(&-big("10").pow(400), &big("10").pow(399)),
        Some(-10.0)
    );
    assert_eq!(int_true_div(&big("10").pow(400), &big("1")), None);
    assert_eq!(
        int_true_div(&big("18014398509481985"), &big("2")),
        Some(9007199254740992.0)
    );
}

#[test]
fn arity_messages_match_python() {
    use fl::error::arity_message;
    let ps = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        arity_message("f", &ps(&["a", "b"]), 3),
        "f() takes 2 positional arguments but 3 were given"
    );
    assert_eq!(
        arity_message("g", &[], 1),
        "g() takes 0 positional arguments but 1 was given"
    );
    assert_eq!(
        arity_message("f", &ps(&["a", "b", "c"]), 0),
        "f() missing 3 required positional arguments: 'a', 'b', and 'c'"
    );
    assert_eq!(
        arity_message("f", &ps(&["a", "b"]), 1),
        "f() missing 1 required positional argument: 'b'"
    );
}

/// Once the core's JIT driver lands: `POLYVM_LOG=jit` reports the seed loop's
/// trace. Runs the example binary (built here) because the log goes to stderr.
#[test]
fn seed_logs_its_compiled_trace() {
    let cargo = option_env!("CARGO").unwrap_or("cargo");
    let mut build = std::process::Command::new(cargo);
    build.args(["build", "-p", "vm-core", "--example", "fl"]);
    if !cfg!(debug_assertions) {
        build.arg("--release");
    }
    assert!(
        build.status().expect("cargo runs").success(),
        "building the fl example"
    );
    // target/<profile>/deps/fl_programs-HASH -> target/<profile>/examples/fl
    let exe = std::env::current_exe().expect("test binary path");
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .map(|p| {
            p.join("examples")
                .join(format!("fl{}", std::env::consts::EXE_SUFFIX))
        })
        .expect("target directory");
    let out = std::process::Command::new(&bin)
        .args(["programs/seed.fl"])
        .current_dir(examples_dir())
        .env("POLYVM_LOG", "jit")
        .output()
        .expect("the fl example runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "5000006\n");
    let log = String::from_utf8_lossy(&out.stderr);
    // jit: trace N compiled: R ops recorded, O ops after optimisation
    let found = log.lines().any(|l| {
        let Some(rest) = l.strip_prefix("jit: trace ") else {
            return false;
        };
        let w: Vec<&str> = rest.split_whitespace().collect();
        w.len() == 9
            && w[0].parse::<u32>().is_ok()
            && w[1] == "compiled:"
            && w[2].parse::<u32>().is_ok()
            && w[3..5] == ["ops", "recorded,"]
            && w[5].parse::<u32>().is_ok()
            && w[6..] == ["ops", "after", "optimisation"]
    });
    assert!(found, "no trace line in the log:\n{log}");
}

/// A guard of a function's loop trace that first fails while another loop
/// is being recorded (the recording waits for the call, so no bridge can
/// start then) is bridged at its next failure once the recording ends,
/// instead of leaving for the interpreter on every call for good. Where
/// `flip` turns on is varied around the outer loop's hot count, so one of
/// the runs lands on the recording; before the fix one of them took
/// ~300,000 exits.
#[test]
fn an_exit_that_gets_hot_during_a_recording_is_bridged_after_it() {
    for from in 45..70 {
        let src = format!(
            "def inner(n, flip):\n    s = 0\n    j = 0\n    while j < n:\n        if flip > 0:\n            s = s + 2\n        else:\n            s = s + 1\n        j = j + 1\n    return s\n\ntotal = 0\ni = 0\nwhile i < 400:\n    total = total + inner(30, 0)\n    i = i + 1\nk = 0\nwhile k < 3000:\n    total = total + inner(100, k - {from})\n    k = k + 1\nprint(total)\n"
        );
        let path = std::env::temp_dir().join(format!("exit_hot_while_recording_{from}.fl"));
        std::fs::write(&path, src).unwrap();
        let opts = Options {
            engine: Engine::Jit,
            max_depth: None,
            capture: true,
            max_bridges: None,
        };
        let out = run_file(&path, "exit_hot_while_recording.fl", &opts);
        let _ = std::fs::remove_file(&path);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let expected = 400 * 30
            + (0..3000)
                .map(|k| if k > from { 200 } else { 100 })
                .sum::<i64>();
        assert_eq!(out.stdout.trim(), expected.to_string());
        assert!(out.stats.exits < 2000, "from {from}: {:?}", out.stats);
    }
}

/// A trace tree grows at most `max_bridges` bridges; the exits past that
/// go back to the interpreter, and the program's answer is the same.
#[test]
fn a_trace_tree_grows_at_most_max_bridges_bridges() {
    // Eight branches, each hot in its turn: one bridge each, uncapped.
    let src = "s = 0\ni = 0\nwhile i < 4000:\n    x = i % 8\n    if x == 0:\n        s = s + 1\n    elif x == 1:\n        s = s + 2\n    elif x == 2:\n        s = s + 3\n    elif x == 3:\n        s = s + 4\n    elif x == 4:\n        s = s + 5\n    elif x == 5:\n        s = s + 6\n    elif x == 6:\n        s = s + 7\n    else:\n        s = s + 8\n    i = i + 1\nprint(s)\n";
    let path = std::env::temp_dir().join("max_bridges.fl");
    std::fs::write(&path, src).unwrap();
    let run_with = |max_bridges| {
        let opts = Options {
            engine: Engine::Jit,
            max_depth: None,
            capture: true,
            max_bridges,
        };
        let out = run_file(&path, "max_bridges.fl", &opts);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.stdout.trim(), (500 * 36).to_string());
        out.stats
    };
    let free = run_with(None);
    let capped = run_with(Some(2));
    let _ = std::fs::remove_file(&path);
    assert!(free.compiled >= 6, "{free:?}");
    assert_eq!(capped.compiled, 3, "the loop and two bridges: {capped:?}");
    assert!(capped.exits > free.exits, "{capped:?} vs {free:?}");
}
