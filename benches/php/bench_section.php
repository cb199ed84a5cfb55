<?php
// Runs one section of php-src's Zend/bench.php (benches/external/php/, not
// committed), so that the harness can time the sections one by one:
//   bench_section.php NAME      e.g. bench_section.php fibo
// bench.php's functions are used unmodified: its text up to the timed main
// part is written to a temporary file and required.
$src = file_get_contents(__DIR__ . '/../external/php/bench.php');
$cut = strpos($src, '$t0 = $t = start_test();');
$tmp = sys_get_temp_dir() . '/polyvm_bench_funcs_' . md5($src) . '.php';
if (!file_exists($tmp)) {
    file_put_contents($tmp, substr($src, 0, $cut));
}
require $tmp;

match ($argv[1] ?? '') {
    'simple' => simple(),
    'simplecall' => simplecall(),
    'simpleucall' => simpleucall(),
    'simpleudcall' => simpleudcall(),
    'mandel' => mandel(),
    'mandel2' => mandel2(),
    'ackermann' => ackermann(7),
    'ary' => ary(50000),
    'ary2' => ary2(50000),
    'ary3' => ary3(2000),
    'fibo' => fibo(30),
    'hash1' => hash1(50000),
    'hash2' => hash2(500),
    'heapsort' => heapsort(20000),
    'matrix' => matrix(20),
    'nestedloop' => nestedloop(12),
    'sieve' => sieve(30),
    'strcat' => strcat(200000),
};
