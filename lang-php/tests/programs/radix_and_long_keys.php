<?php
// dechex/decoct/decbin build their digits straight into a string (64
// binary digits do not fit a string's inline text); keys around the
// inline-text length (32 bytes) hash and compare like any others.
foreach ([0, 1, 15, 16, 255, 256, 4095, 50000, -1, -255, PHP_INT_MAX, PHP_INT_MIN, 7, 8, 9, 64, 511, 512] as $n) {
    echo dechex($n), " ", decoct($n), " ", decbin($n), "\n";
}
$a = [];
for ($i = 0; $i < 300; $i++) {
    $a[dechex($i)] = $i;
    $a[str_repeat("k", 28 + $i % 8) . $i] = -$i;
    $a[decbin($i * 1234567891)] = $i * 2;
}
$c = 0;
$sum = 0;
for ($i = 299; $i >= 0; $i--) {
    if ($a[dechex($i)] === $i) $c++;
    $sum += $a[str_repeat("k", 28 + $i % 8) . $i] + $a[decbin($i * 1234567891)];
}
echo count($a), " $c $sum\n";
var_dump(isset($a["10"]), isset($a[10]), $a["ff"], $a[str_repeat("k", 32) . "4"]);
echo strlen(decbin(-1)), " ", decbin(-1) === str_repeat("1", 64) ? "ok" : "no", "\n";
