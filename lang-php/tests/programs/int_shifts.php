<?php
foreach ([[1, 3], [-8, 1], [5, 0], [1, 63], [1, 64], [-1, 65], [7, 70], [123456789, 7]] as [$a, $b]) {
    for ($i = 0; $i < 3; $i++) { $x = $a << $b; $y = $a >> $b; }
    echo "$a $b ", $x, " ", $y, "\n";
}
$s = 0; for ($i = 0; $i < 2000; $i++) { $s += ($i * ($i + 1)) >> 1; $s ^= $i << 3; } echo $s, "\n";
try { echo 1 >> -1; } catch (ArithmeticError $e) { echo $e->getMessage(), "\n"; }
