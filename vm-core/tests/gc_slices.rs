//! Instructions that allocate much each still run in bounded memory: the
//! plain interpreter ends a slice early once it has allocated far past the
//! point where a collection was due (`meta::SLICE_DEBT_LIMIT`), so the
//! collector gets in sooner. (Its own test binary, so the process's peak RSS
//! is its own.)

mod common;

use common::{peak_rss_kib, start, Prog, TestLang, BURST};
use vm_core::{Config, Vm};

#[test]
fn instructions_that_allocate_much_run_in_bounded_memory() {
    // 100,000 instructions: one default slice, 10,000,000 lists. Without
    // shorter slices they would all be alive at its end (over 600 MiB).
    let n = 100_000;
    let mut vm = Vm::new(Config {
        jit: false,
        ..Config::default()
    });
    vm.register(Box::new(TestLang));
    start(&mut vm, Prog::BurstLoop, vec![0, n]);
    vm.run().expect("runs");
    let last = vm.mutate(|_, root| format!("{:?}", root.result));
    assert_eq!(last, format!("[{}]", n - 1));
    let peak = peak_rss_kib();
    eprintln!(
        "peak RSS after {} allocations in {n} instructions: {} MiB",
        n * BURST,
        peak / 1024
    );
    assert!(peak < 128 * 1024, "peak RSS {peak} KiB");
}
