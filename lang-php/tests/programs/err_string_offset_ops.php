<?php
// Compound assignments, ++/-- and nested or append writes on string
// offsets are errors (php 8); plain offset writes work.
function show($f) {
  try { $f(); } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
$s = "abc";
show(function () use (&$s) { $s[0] += 1; });
show(function () use (&$s) { $s[1] .= "x"; });
show(function () use (&$s) { $s[0] -= 1; });
show(function () use (&$s) { $s[2] *= 3; });
show(function () use (&$s) { $s[0]++; });
show(function () use (&$s) { --$s[1]; });
show(function () use (&$s) { $s[0][0] = "x"; });
show(function () use (&$s) { $s[] = "x"; });
$e = "";
show(function () use (&$e) { $e[0] += 1; });
$s[1] = "Z";
var_dump($s, $e);
$t = "hello";
for ($i = 0; $i < 2000; $i++) { $t[$i % 5] = chr(97 + $i % 26); }
var_dump($t);
$a = [1, 2];
for ($i = 0; $i < 2000; $i++) { $a[$i % 2] += 1; }
var_dump($a);
$t[0] += 1;
