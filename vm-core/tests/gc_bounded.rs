//! A loop that allocates 10,000,000 short-lived objects runs in bounded
//! memory: the executor returns to the host between fuel slices and the
//! arena collects. (Its own test binary, so the process's peak RSS is its own.)

mod common;

use common::{peak_rss_kib, start, Prog, TestLang};
use vm_core::{Config, Vm};

#[test]
fn ten_million_allocations_in_bounded_memory() {
    for jit in [false, true] {
        let mut vm = Vm::new(Config {
            jit,
            ..Config::default()
        });
        vm.register(Box::new(TestLang));
        start(&mut vm, Prog::AllocLoop, vec![0, 10_000_000]);
        vm.run().expect("runs");
        let last = vm.mutate(|_, root| format!("{:?}", root.result));
        assert_eq!(last, "[9999999]");
    }
    let peak = peak_rss_kib();
    eprintln!(
        "peak RSS after 2 x 10,000,000 allocations: {} MiB",
        peak / 1024
    );
    // Without collection the lists alone would need well over 500 MiB.
    assert!(peak < 128 * 1024, "peak RSS {peak} KiB");
}
