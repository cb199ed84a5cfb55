<?php
// String keys on the fast paths: numeric strings are int keys, others stay
// strings; new keys go last; reference cells in slots are written through;
// a packed array given a string key becomes a hash; the same in hot loops.
$a = [];
$a["5"] = 'five';
$a["05"] = 'oh-five';
$a["-3"] = 'minus';
$a["x"] = 'ex';
$a[5] .= '!';
$a["1.5"] = 'float-ish';
$a[" 7"] = 'space';
var_dump($a);
var_dump($a["5"], $a[5], isset($a["-3"]), isset($a[-3]), $a["x"] ?? 'none', $a["y"] ?? 'none');

$p = [10, 20, 30];
$p["1"] = 21;
$p["k"] = 'k';
$p[] = 40;
print_r($p);

$r = ['a' => 1, 'b' => 2];
$ref = &$r['a'];
$r['a'] = 100;
echo $ref, "\n";
$ref = 7;
echo $r['a'], "\n";
unset($ref);

// Hot: counting words into a hash, summing it back.
$words = ['apple', 'pear', '12', 'fig', '007', 'pear', 'apple', '-1', 'apple'];
$count = [];
for ($i = 0; $i < 5000; $i++) {
    $w = $words[$i % 9];
    if (isset($count[$w])) { $count[$w] += 1; } else { $count[$w] = 1; }
}
var_dump($count);
$h1 = [];
$h2 = [];
for ($i = 0; $i < 300; $i++) { $h1["foo_$i"] = $i; $h2["foo_$i"] = 0; }
for ($j = 0; $j < 30; $j++) {
    foreach ($h1 as $key => $value) { $h2[$key] += $value; }
}
echo $h2['foo_0'], ' ', $h2['foo_299'], ' ', array_sum($h2), ' ', count($h2), "\n";
echo $h1["foo_1"] + $h1["foo_2"], ' ', $undefined["x"] ?? 'undef', "\n";
echo @$h1["nope"] === null ? "null\n" : "set\n";
echo $h1["nope"] ?? "default", "\n";
$m = ['x' => ['y' => 1]];
for ($i = 0; $i < 200; $i++) { $m['x']['y'] += $i; $m['z'][$i % 3] = $i; }
print_r($m);
