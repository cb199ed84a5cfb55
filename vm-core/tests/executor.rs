//! The stackless executor: deep recursion, recursion limits, fuel.

mod common;

use common::{start, Prog, TestLang};
use vm_core::{Config, Vm};

fn vm(config: Config) -> Vm {
    let mut vm = Vm::new(config);
    vm.register(Box::new(TestLang));
    vm
}

fn result(vm: &mut Vm) -> String {
    vm.mutate(|_, root| format!("{:?}", root.result))
}

#[test]
fn recursion_a_million_deep_completes_without_rust_recursion() {
    // A small thread stack proves the guest recursion is not on the Rust stack.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let mut vm = vm(Config {
                jit: false,
                ..Config::default()
            });
            start(&mut vm, Prog::Recurse, vec![1_000_000]);
            vm.run().expect("runs");
            result(&mut vm)
        })
        .unwrap();
    assert_eq!(handle.join().unwrap(), "1000000");
}

#[test]
fn recursion_past_the_limit_raises_a_clean_error() {
    let mut vm = vm(Config {
        jit: false,
        max_depth: 1000,
        ..Config::default()
    });
    start(&mut vm, Prog::Recurse, vec![1_000_000]);
    let err = vm.run().expect_err("must hit the limit");
    assert!(err.message.contains("Recursion"), "{}", err.message);
    assert_eq!(err.traceback.len(), 1000);
}

#[test]
fn fuel_slices_return_to_the_host() {
    // With tiny fuel the run still completes, through many slices.
    let mut vm = vm(Config {
        jit: false,
        fuel: 7,
        ..Config::default()
    });
    start(&mut vm, Prog::Recurse, vec![500]);
    vm.run().expect("runs");
    assert_eq!(result(&mut vm), "500");
}

#[test]
fn a_loop_runs_the_same_with_the_jit_on() {
    for jit in [false, true] {
        let mut vm = vm(Config {
            jit,
            ..Config::default()
        });
        start(&mut vm, Prog::AllocLoop, vec![0, 1000]);
        vm.run().expect("runs");
        assert_eq!(result(&mut vm), "[999]", "jit={jit}");
        let compiled = vm.mutate(|_, root| root.jit.stats.compiled);
        assert_eq!(
            compiled > 0,
            jit,
            "a trace is compiled exactly when the JIT is on"
        );
    }
}

#[test]
fn a_hot_first_tier_trace_is_compiled_again_for_speed() {
    // tier_up 0: compiled for speed at once; 50: quick code first, then
    // recompiled once the loop has run 50 iterations (the check is at the
    // next slice: fuel 1,000 makes many slices).
    for tier_up in [0, 50] {
        let mut vm = vm(Config {
            tier_up,
            tier_after: 0,
            fuel: 1_000,
            ..Config::default()
        });
        start(&mut vm, Prog::AllocLoop, vec![0, 20_000]);
        vm.run().expect("runs");
        assert_eq!(result(&mut vm), "[19999]", "tier_up={tier_up}");
        let (compiled, again, quick) = vm.mutate(|_, root| {
            let s = &root.jit.stats;
            (s.compiled, s.recompiled, root.jit.quick_traces.len())
        });
        assert!(compiled > 0);
        if tier_up == 0 {
            assert_eq!((again, quick), (0, 0));
        } else {
            assert!(again > 0, "the hot loop is compiled again");
            assert_eq!(quick as u64, compiled - again, "the rest stay quick");
        }
    }
}
