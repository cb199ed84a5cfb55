<?php
function isLeap($y) { return ($y % 4 == 0 && $y % 100 != 0) || $y % 400 == 0; }
function daysIn($m, $y) { return [31, isLeap($y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][$m - 1]; }
function dayOfWeek($y, $m, $d) { static $t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]; if ($m < 3) $y -= 1; return ($y + intdiv($y, 4) - intdiv($y, 100) + intdiv($y, 400) + $t[$m - 1] + $d) % 7; }
$names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
foreach ([[2000, 1, 1], [2024, 2, 29], [1969, 7, 20], [2038, 1, 19]] as [$y, $m, $d]) printf("%04d-%02d-%02d is a %s\n", $y, $m, $d, $names[dayOfWeek($y, $m, $d)]);
echo implode(" ", array_map(fn($y) => $y . (isLeap($y) ? 'L' : ''), [1900, 2000, 2023, 2024])), "\n";
$y = 2024; $m = 2;
echo "     February $y\n", implode(" ", array_map(fn($n) => substr($n, 0, 2), $names)), "\n";
$start = dayOfWeek($y, $m, 1);
echo str_repeat("   ", $start);
for ($d = 1; $d <= daysIn($m, $y); $d++) { echo str_pad($d, 2, " ", STR_PAD_LEFT), ($start + $d) % 7 == 0 ? "\n" : " "; }
echo "\n";
