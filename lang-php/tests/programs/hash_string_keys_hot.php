<?php
// New string keys written in a hot loop: hex keys, some numeric ("10" is
// int 10, which moves the next free key), on a hashed array.
$x = ["start" => 0];
for ($i = 1; $i <= 3000; $i++) {
    $x[dechex($i)] = $i;
    $x["k$i"] = -$i;
}
$x[] = "appended";
echo count($x), "\n";
$keys = array_keys($x);
echo implode(",", array_slice($keys, 0, 12)), "\n";
echo implode(",", array_slice($keys, -4)), "\n";
var_dump(array_key_last($x));
echo $x["ff"], " ", $x[99], " ", $x["k3000"], "\n";
$sum = 0;
foreach ($x as $k => $v) { if (is_int($v)) { $sum += $v; } }
echo $sum, "\n";
// A reference cell as an element, then overwritten in a hot loop.
$y = ["a" => 1];
$r = &$y["a"];
for ($i = 0; $i < 2000; $i++) { $y["a"] = $i; $y["b$i"] = $i; }
echo $r, " ", count($y), "\n";
