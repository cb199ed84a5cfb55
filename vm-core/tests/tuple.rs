//! Immutable tuples through `Meta`: the same loop interpreted and compiled
//! gives the same result, and the recorder's tuple reads are pure calls the
//! optimiser removes when the tuple is known.

mod common;

use common::{start, Prog, TestLang};
use vm_core::{Config, Vm};

#[test]
fn tuple_loop_same_with_and_without_jit() {
    let n = 100_000i64;
    for jit in [false, true] {
        let mut vm = Vm::new(Config {
            jit,
            ..Config::default()
        });
        vm.register(Box::new(TestLang));
        start(&mut vm, Prog::TupleLoop, vec![0, n, 0]);
        vm.run().expect("runs");
        let acc = vm.mutate(|_, root| format!("{:?}", root.result));
        assert_eq!(acc, format!("{}", n * (n + 1) / 2), "jit={jit}");
    }
}
