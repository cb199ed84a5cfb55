<?php
// $a[$k] op= v on hashed arrays: keys met in the stored order, out of it,
// numeric strings, keys built anew, reference cells, keys unset and re-added.
$h1 = []; $h2 = [];
for ($i = 0; $i < 50; $i++) { $h1["k$i"] = $i; $h2["k$i"] = 1; }
for ($r = 0; $r < 3; $r++) {
    foreach ($h1 as $k => $v) $h2[$k] += $v;
}
echo $h2["k0"], " ", $h2["k49"], " ", array_sum($h2), "\n";
foreach (array_reverse($h1, true) as $k => $v) $h2[$k] -= $v;
echo $h2["k7"], " ", array_sum($h2), "\n";
$n = ["10" => 1, "x" => 2, 5 => 3, "-3" => 4];
foreach (["10", "x", "5", "-3", 10, "05"] as $k) { $n[$k] = ($n[$k] ?? 0) + 1; $n[$k] *= 2; }
var_dump($n);
$c = ["a" => 1, "b" => 2, "c" => 3];
$ref = &$c["b"];
foreach (["a", "b", "c", "b"] as $k) $c[$k] += 10;
$ref += 100;
unset($ref);
var_dump($c);
unset($c["a"]); $c["a"] = 5;
foreach (["b", "c", "a"] as $k) $c[$k] -= 1;
foreach (["b", "c", "a"] as $k) { $kk = substr("xb", 1) ; $c[$kk] *= 2; }
var_dump($c);
$f = ["p" => 1.5, "q" => 2];
for ($i = 0; $i < 100; $i++) { $f["p"] += 0.5; $f["q"] += 1; }
var_dump($f);
$big = ["m" => PHP_INT_MAX - 5];
for ($i = 0; $i < 10; $i++) $big["m"] += 1;
var_dump($big);
