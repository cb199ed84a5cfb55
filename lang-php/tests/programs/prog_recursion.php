<?php
function permutations(array $items): array {
    if (count($items) <= 1) return [$items];
    $result = [];
    foreach ($items as $i => $item) {
        $rest = $items; unset($rest[$i]);
        foreach (permutations(array_values($rest)) as $p) { array_unshift($p, $item); $result[] = $p; }
    }
    return $result;
}
foreach (permutations(['a', 'b', 'c']) as $p) echo implode("", $p), " ";
echo "\n";
function subsets($a) { if (!$a) return [[]]; $f = array_shift($a); $r = subsets($a); $out = $r; foreach ($r as $s) { array_unshift($s, $f); $out[] = $s; } return $out; }
echo count(subsets([1, 2, 3, 4])), " ", json_encode(subsets([1, 2])), "\n";
function flatten(array $a): array { $r = []; array_walk_recursive_free($a, function($v) use (&$r) { $r[] = $v; }); return $r; }
function array_walk_recursive_free($a, $f) { foreach ($a as $v) { if (is_array($v)) array_walk_recursive_free($v, $f); else $f($v); } }
echo implode(",", flatten([1, [2, [3, [4, 5]], 6], [[7]]])), "\n";
function power_set_sum($n) { return $n == 0 ? 1 : 2 * power_set_sum($n - 1); }
echo power_set_sum(10), "\n";
$memo = [];
$fib = function($n) use (&$fib, &$memo) { if ($n < 2) return $n; return $memo[$n] ??= $fib($n - 1) + $fib($n - 2); };
echo $fib(50), "\n";
function tree_depth($t) { if (!is_array($t)) return 0; $d = 0; foreach ($t as $c) $d = max($d, tree_depth($c)); return $d + 1; }
echo tree_depth([1, [2, [3]], [[[[4]]]]]), "\n";
function toBinary($n) { return $n < 2 ? (string)$n : toBinary(intdiv($n, 2)) . ($n % 2); }
echo toBinary(37), " ", decbin(37), "\n";
function sumDigits($n) { return $n < 10 ? $n : $n % 10 + sumDigits(intdiv($n, 10)); }
echo sumDigits(987654321), "\n";
