<?php
foreach (['a', 'z', 'Az', 'zz', 'a9', 'Zz', 'A', '9', '9z', 'x1y', ''] as $s) {
    $t = $s;
    $t++;
    echo var_export($s, true), ' -> ', var_export($t, true), "\n";
}
$col = 'A';
$cols = [];
for ($i = 0; $i < 30; $i++) { $cols[] = $col; $col++; }
echo implode(' ', $cols), "\n";
$n = null; $n++; var_dump($n);
$m = null; $m--; var_dump($m);
$f = 1.5; $f++; var_dump($f);
$s = '5'; $s++; var_dump($s);
$s = '5.5'; $s++; var_dump($s);
$s = '1e2'; $s++; var_dump($s);
$b = true; $b++; var_dump($b);
for ($c = 'a'; $c <= 'e'; $c++) echo $c;
echo "\n";
$id = 'item-009';
$id++;
echo $id, "\n";
