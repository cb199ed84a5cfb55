<?php
$a = ['x' => 1, 'y' => 2, 'z' => 3];
array_walk($a, function(&$v, $k) { $v = "$k=$v"; });
echo implode("&", $a), "\n";
$nums = [5, 3, 9, 1];
echo implode(",", array_map(fn($n, $i) => "$i:$n", $nums, array_keys($nums))), "\n";
print_r(array_map(fn($v) => $v * 2, ['a' => 1, 'b' => 2]));
print_r(array_merge(['a' => 1, 5 => 'x'], ['a' => 2, 5 => 'y']));
print_r(['a' => 1, 5 => 'x'] + ['a' => 2, 5 => 'y', 6 => 'z']);
print_r(array_diff_key(['a' => 1, 'b' => 2, 'c' => 3], ['a' => 9]));
print_r(array_intersect_key(['a' => 1, 'b' => 2, 'c' => 3], ['a' => 9, 'c' => 9]));
print_r(array_fill_keys(['a', 'b'], 0));
var_dump(array_is_list([1, 2]), array_is_list([1 => 1]));
print_r(array_reverse(['a' => 1, 2, 3], true));
print_r(range(0, 1, 0.25));
print_r(range(10, 0, -5));
print_r(array_slice([1, 2, 3, 4], -2));
print_r(array_splice_demo());
function array_splice_demo() { $x = ['a', 'b', 'c', 'd']; array_splice($x, 1, 0, ['new']); array_splice($x, -1); return $x; }
$matrix = [[3, 'c'], [1, 'a'], [2, 'b']];
sort($matrix); echo json_encode($matrix), "\n";
$mixed = ["10", 9, "9a", 1.5, true];
sort($mixed); var_dump($mixed);
$strs = ["b" => 2, "a" => 1, "10" => 0, "9" => 3];
ksort($strs); print_r($strs);
$u = [3, "3", 1, "a", "A", 1.0];
print_r(array_unique($u));
echo implode(",", array_keys(['a' => 1, 'b' => 2, 'c' => 1], 1)), "\n";
$stack = [1, 2, 3];
echo end($stack), reset($stack), current($stack), key($stack), "\n";
echo count([1, [2, 3], [4, [5, 6]]], COUNT_RECURSIVE), "\n";
$empty = [];
var_dump(array_pop($empty), array_shift($empty), max([0, -1]), min(3, "2", 5.5));
$assoc = ['one' => 1, 'two' => 2];
foreach ($assoc as $key => $value) { unset($assoc[$key]); }
var_dump($assoc);
$big = array_fill(0, 5, 'x'); $big[] = 'y'; echo count($big), " ", array_key_last($big), "\n";
$neg = [-5 => 'a']; $neg[] = 'b'; print_r($neg);
