//! Word stores end to end: the WL program (`examples/words/lang.rs`, an
//! interpreter written against `Meta`) builds, walks and backtracks over a
//! word store with the JIT off and on, and must give the same results.

#[path = "../examples/words/lang.rs"]
#[allow(dead_code)]
mod lang;

use vm_core::Config;

fn config(jit: bool) -> Config {
    Config {
        jit,
        ..Config::default()
    }
}

/// What the program computes: `reps` sums of `0..n`, plus each
/// choicepoint's `2i + (i + 1) + (i + 2)`.
fn expected(n: i64, reps: i64) -> i64 {
    reps * n * (n - 1) / 2 + 4 * n * (n - 1) / 2 + 3 * n
}

#[test]
fn the_same_results_with_the_jit_off_and_on() {
    for (n, reps) in [(1, 1), (5, 2), (3000, 4), (50_000, 3)] {
        let want = expected(n, reps);
        assert_eq!(lang::run_vec(n, reps), want, "the Rust baseline");
        for jit in [false, true] {
            let (got, stats) = lang::run(config(jit), n, reps, false);
            assert_eq!(got, Ok(want), "n={n} reps={reps} jit={jit}");
            if jit && n >= 3000 {
                assert!(stats.compiled >= 3, "the three loops: {stats:?}");
                assert!(stats.aborts.is_empty(), "{:?}", stats.aborts);
            }
        }
    }
}

#[test]
fn the_loops_are_compiled_and_grow_the_store_inside_traces() {
    // 100,000 cells are 200,000 words: the store, made with 8, grows 15
    // times, most of them after the build loop is compiled; the loops
    // run in machine code (few exits: leaving each loop, and its bridges).
    let (got, stats) = lang::run(config(true), 100_000, 2, false);
    assert_eq!(got, Ok(expected(100_000, 2)));
    assert!(stats.compiled >= 3, "{stats:?}");
    assert!(stats.exits < 100, "{stats:?}");
}

#[test]
fn an_index_out_of_range_is_an_error_not_a_crash() {
    // The last cell links past the end of the store. With the JIT on the
    // sum loop is compiled long before it gets there: the trace's bounds
    // guard exits, and the interpreter reports the error.
    for jit in [false, true] {
        for n in [1, 10, 5000] {
            let (got, stats) = lang::run(config(jit), n, 1, true);
            assert_eq!(
                got,
                Err("word index out of range (cell)".to_string()),
                "n={n} jit={jit}"
            );
            if jit && n == 5000 {
                // The build and sum loops ran compiled; the sum's trace
                // left at the bad reference.
                assert!(stats.compiled >= 2, "{stats:?}");
                assert!(stats.exits >= 2, "{stats:?}");
            }
        }
    }
}
