<?php
$arr = ['a' => 1];
echo $arr['b'] ?? 'default', "\n";
echo @$arr['c'], "|\n";
$x = $arr['zz'];
var_dump($x);
$s = "str";
echo $s['5'] ?? 'none', "\n";
$total = 0;
foreach ([1, 2, 3] as $v) { $total += $v; }
echo $total, "\n";
echo "10" + "5.5", " ", "3" * "4", " ", 7 + 1.5, "\n";
$u = null; echo $u + 5, "\n";
foreach (null ?? [] as $v) {}
echo intdiv(10, 3), "\n";
echo $undefined_in_concat . "x\n";
