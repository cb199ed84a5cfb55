<?php
for ($i = 1; $i <= 30; $i++) {
    echo match (true) { $i % 15 == 0 => "FizzBuzz", $i % 3 == 0 => "Fizz", $i % 5 == 0 => "Buzz", default => $i }, $i < 30 ? " " : "\n";
}
$matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
$t = [];
foreach ($matrix as $i => $row) foreach ($row as $j => $v) $t[$j][$i] = $v;
foreach ($t as $row) echo implode(" ", $row), "\n";
function mmul($a, $b) { $n = count($a); $m = count($b[0]); $p = count($b); $r = [];
  for ($i = 0; $i < $n; $i++) for ($j = 0; $j < $m; $j++) { $s = 0; for ($k = 0; $k < $p; $k++) $s += $a[$i][$k] * $b[$k][$j]; $r[$i][$j] = $s; } return $r; }
$sq = mmul($matrix, $matrix);
foreach ($sq as $row) echo implode(" ", $row), "\n";
$pascal = [[1]];
for ($i = 1; $i < 8; $i++) { $prev = $pascal[$i - 1]; $row = [1]; for ($j = 1; $j < $i; $j++) $row[] = $prev[$j - 1] + $prev[$j]; $row[] = 1; $pascal[] = $row; }
foreach ($pascal as $row) echo str_pad(implode(" ", $row), 30, " ", STR_PAD_BOTH), "\n";
