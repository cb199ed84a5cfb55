<?php
// Int division in hot loops (an int when exact, else a float; by zero an
// error; PHP_INT_MIN / -1 a float) and concatenation of strings and ints.
$t = 0; $f = 0.0;
for ($i = 1; $i <= 3000; $i++) {
  $q = ($i * 6) / 3;
  $r = $i / 7;
  if (is_int($r)) { $t += $r; } else { $f += $r; }
  $t += $q;
}
var_dump($t, $f);
$m = PHP_INT_MIN;
for ($i = 0; $i < 1500; $i++) { $x = $m / ($i % 2 ? -1 : 1); }
var_dump($x, $m / -1, -7 / 2, 7 / -2, -8 / 2, 0 / 5);
for ($i = 0; $i < 1200; $i++) {
  try { $z = 10 / ($i % 600); } catch (DivisionByZeroError $e) { echo $i, " ", $e->getMessage(), "\n"; }
}
$s = "";
$parts = [];
for ($i = 0; $i < 2000; $i++) {
  $k = "k" . $i;
  $v = $i . "-" . ($i * 2);
  if ($i % 500 == 0) { $parts[] = $k . "=" . $v; }
  $s = $k . $i;
}
echo implode(",", $parts), " ", $s, "\n";
$bytes = chr(0xC3);
for ($i = 0; $i < 1100; $i++) { $u = $bytes . chr(0xA9); }
echo $u, " ", strlen($u), "\n";
class P { function __toString(): string { return "P!"; } }
$p = new P;
for ($i = 0; $i < 1100; $i++) { $w = "a" . $i; $w2 = $p . $w; }
echo $w2, " ", 1.5 . "x", " ", true . "y", " ", null . "z", "\n";
