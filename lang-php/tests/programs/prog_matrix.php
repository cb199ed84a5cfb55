<?php
function identity($n) { $m = []; for ($i = 0; $i < $n; $i++) for ($j = 0; $j < $n; $j++) $m[$i][$j] = (int)($i == $j); return $m; }
function mul($a, $b) { $r = []; foreach ($a as $i => $row) foreach (array_keys($b[0]) as $j) { $r[$i][$j] = 0; foreach ($row as $k => $v) $r[$i][$j] += $v * $b[$k][$j]; } return $r; }
function mpow($m, $p) { $r = identity(count($m)); while ($p > 0) { if ($p & 1) $r = mul($r, $m); $m = mul($m, $m); $p >>= 1; } return $r; }
$fibm = mpow([[1, 1], [1, 0]], 40);
echo $fibm[0][1], "\n";
function det($m) { $n = count($m); if ($n == 1) return $m[0][0]; if ($n == 2) return $m[0][0] * $m[1][1] - $m[0][1] * $m[1][0]; $d = 0; for ($c = 0; $c < $n; $c++) { $sub = []; for ($i = 1; $i < $n; $i++) { $row = []; for ($j = 0; $j < $n; $j++) if ($j != $c) $row[] = $m[$i][$j]; $sub[] = $row; } $d += ($c % 2 ? -1 : 1) * $m[0][$c] * det($sub); } return $d; }
echo det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), " ", det([[1.5, 2], [3, 4]]), "\n";
$m = [[1, 2, 3], [4, 5, 6]];
$t = array_map(null, ...$m);
echo json_encode($t), "\n";
foreach (mul($m, $t) as $row) echo implode("\t", $row), "\n";
$spiral = []; $n = 4; $v = 1; $top = 0; $bot = $n - 1; $l = 0; $r = $n - 1;
while ($v <= $n * $n) { for ($i = $l; $i <= $r; $i++) $spiral[$top][$i] = $v++; $top++; for ($i = $top; $i <= $bot; $i++) $spiral[$i][$r] = $v++; $r--; for ($i = $r; $i >= $l; $i--) $spiral[$bot][$i] = $v++; $bot--; for ($i = $bot; $i >= $top; $i--) $spiral[$i][$l] = $v++; $l++; }
for ($i = 0; $i < $n; $i++) { ksort($spiral[$i]); echo implode(" ", array_map(fn($x) => str_pad($x, 2, " ", STR_PAD_LEFT), $spiral[$i])), "\n"; }
