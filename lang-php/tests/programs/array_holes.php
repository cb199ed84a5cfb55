<?php
// Packed arrays with holes: arrays filled from 1, small gaps past the end,
// middle elements unset; key order, count, foreach, current/end/key,
// filling a hole (the key goes last), and the same in a hot loop.
function show($a) { echo count($a), ': ', json_encode($a), ' ', implode(',', array_keys($a)), "\n"; }

$a = [];
for ($i = 1; $i <= 5; $i++) { $a[$i] = $i * 10; }
show($a);
var_dump(isset($a[0]), $a[1], array_key_first($a), array_key_last($a));
echo current($a), ' ', key($a), ' ', end($a), "\n";
$a[0] = 'zero';
show($a);

$b = [1, 2, 3, 4, 5, 6];
unset($b[2]);
show($b);
foreach ($b as $k => $v) { echo "$k=$v "; }
echo "\n";
foreach ($b as $k => &$v) { $v *= 2; }
unset($v);
show($b);
$b[2] = 'back';
show($b);
$b[] = 'push';
show($b);

$c = [];
$c[3] = 'x';
$c[7] = 'y';
$c[] = 'z';
show($c);
var_dump(array_is_list($c), array_values($c));
unset($c[8]);
unset($c[7]);
show($c);
$c[] = 'after';
show($c);
print_r($c);

$d = [0 => 'a', 1 => 'b', 2 => 'c'];
unset($d[1]);
var_dump($d == [0 => 'a', 2 => 'c'], $d === [0 => 'a', 2 => 'c']);
$e = $d;
$e[5] = 'e';
show($d);
show($e);
echo @$d[1] === null ? "missing\n" : "present\n";
sort($e);
show($e);

// Hot: a 1-based array written and read many times (heapsort's shape).
$h = [];
for ($i = 1; $i <= 3000; $i++) { $h[$i] = ($i * 7919) % 3001; }
$sum = 0;
for ($r = 0; $r < 20; $r++) {
    for ($i = 1; $i <= 3000; $i++) {
        if ($h[$i] > 1500) { $h[$i] -= 1; } else { $h[$i] += 1; }
        $sum += $h[$i];
    }
}
echo count($h), ' ', $sum, ' ', array_sum($h), "\n";
$n = 0;
foreach ($h as $k => $v) { $n += $k; }
echo $n, "\n";
for ($i = 2; $i <= 3000; $i += 2) { unset($h[$i]); }
$n = 0;
foreach ($h as $k => $v) { $n += $k * $v; }
echo count($h), ' ', $n, ' ', isset($h[2]) ? 'y' : 'n', ' ', isset($h[3]) ? 'y' : 'n', "\n";
$h[2] = 1;
echo array_key_last($h), "\n";
// foreach by reference over a holey array whose body makes it a hash.
$f = [1 => 'a', 2 => 'b', 3 => 'c', 4 => 'd'];
foreach ($f as $k => &$v) { echo "$k=$v "; if ($k == 2) { $f['x'] = 'X'; } }
unset($v);
echo "\n", json_encode($f), "\n";
$g = [0, 1, 2, 3, 4];
unset($g[1]);
foreach ($g as $k => &$v) { $v = "<$v>"; if ($k == 2) { $g['y'] = 'Y'; } }
unset($v);
echo json_encode($g), "\n";
