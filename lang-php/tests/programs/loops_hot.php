<?php
$sum = 0;
for ($i = 0; $i < 200000; $i++) { $sum += $i * 2 % 7; }
echo $sum, "\n";
$arr = [];
for ($i = 0; $i < 1000; $i++) { $arr[] = $i * $i; }
$t = 0;
foreach ($arr as $v) { $t += $v; }
echo $t, "\n";
$f = 0.0;
for ($i = 1; $i <= 1000; $i++) { $f += 1.0 / $i; }
echo $f, "\n";
$s = "";
for ($i = 0; $i < 100; $i++) { $s .= chr(65 + $i % 26); }
echo $s, "\n";
$x = 1;
for ($i = 0; $i < 70; $i++) { $x *= 2; }
var_dump($x);
$fib = [0, 1];
for ($i = 2; $i < 90; $i++) { $fib[$i] = $fib[$i - 1] + $fib[$i - 2]; }
echo $fib[89], "\n";
$h = [];
for ($i = 0; $i < 5000; $i++) { $k = "k" . ($i % 100); $h[$k] = ($h[$k] ?? 0) + 1; }
echo count($h), " ", $h['k7'], "\n";
function work($n) { $c = 0; while ($n > 1) { $n = $n % 2 == 0 ? $n / 2 : 3 * $n + 1; $c++; } return $c; }
$best = 0; $bi = 0;
for ($i = 1; $i < 3000; $i++) { $c = work($i); if ($c > $best) { $best = $c; $bi = $i; } }
echo "$bi $best\n";
