//! Hot loops over the interpreter's fast paths record traces that close:
//! no instruction breaks the Meta contract (a guard after a heap write in
//! the same instruction aborts the recording), and the results match the
//! plain interpreter's.

use lang_php::embed::{Php, PhpValue};

const PROGRAM: &str = r#"<?php
function add3($a, $b, $c) { return $a + $b + $c; }
$acc = 0.0;
$xs = [];
for ($i = 0; $i < 3000; $i++) { $xs[] = $i; }
$pairs = [];
for ($i = 0; $i < 3; $i++) { $pairs[] = [&$xs[$i], &$xs[$i + 1]]; }
for ($i = 0; $i < 3000; $i++) {
    $args = [$i, 1, [2]];
    $acc += add3(...[$i, 1, 2]);
    $xs[$i] = $xs[$i] * 2 + sqrt($i);
    foreach ($pairs as &$p) { $a = &$p[0]; $a += 1; }
    unset($p, $a);
}
$sum = 0;
foreach ($xs as $k => $v) { $sum += (int)$v + $k; }
// A 1-based (holey packed) array and string keys, read and written hot.
$one = [];
for ($i = 1; $i <= 3000; $i++) { $one[$i] = $i * 2; }
$hk = [];
for ($i = 0; $i < 3000; $i++) {
    $w = "k" . ($i % 50);
    $hk[$w] = ($hk[$w] ?? 0) + $one[$i + 1];
    $hk[(string)($i % 7)] = $i;
}
// `op=` on elements in place (DimOp), `++`/`--` on variables (IncDecCv),
// operators reading variables (BinCv).
$cnt = 0;
$fl = 0.0;
for ($i = 0; $i < 3000; $i++) {
    $w = "k" . ($i % 50);
    $hk[$w] += $i;
    $hk[$w] -= $cnt;
    $cnt++;
    --$fl;
}
$sum += $cnt + (int)$fl;
foreach ($hk as $k => $v) { $sum += $v; }
unset($one[7]);
foreach ($one as $k => $v) { $sum += $k; }
"#;

fn run(jit: bool) -> (Option<PhpValue>, Option<PhpValue>, vm_core::jit::JitStats) {
    std::thread::spawn(move || {
        let config = vm_core::Config {
            jit,
            ..vm_core::Config::default()
        };
        let mut php = Php::new(config);
        php.eval(PROGRAM).unwrap();
        (php.global("acc"), php.global("sum"), php.jit_stats())
    })
    .join()
    .unwrap()
}

#[test]
fn hot_array_and_call_paths_trace_without_aborts() {
    let (acc, sum, stats) = run(true);
    assert!(stats.compiled > 0, "{stats:?}");
    assert!(stats.aborts.is_empty(), "{:?}", stats.aborts);
    let (acc0, sum0, _) = run(false);
    assert_eq!((acc, sum), (acc0, sum0));
}
