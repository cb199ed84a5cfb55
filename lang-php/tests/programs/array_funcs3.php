<?php
$users = [
    ['id' => 3, 'name' => 'Cy', 'age' => 40, 'dept' => 'ops'],
    ['id' => 1, 'name' => 'Ann', 'age' => 31, 'dept' => 'dev'],
    ['id' => 2, 'name' => 'Bob', 'age' => 25, 'dept' => 'dev'],
];
print_r(array_column($users, 'name'));
print_r(array_column($users, 'age', 'name'));
$byDept = [];
foreach ($users as $u) $byDept[$u['dept']][] = $u['name'];
print_r($byDept);
usort($users, fn($a, $b) => [$a['dept'], $a['age']] <=> [$b['dept'], $b['age']]);
echo implode(' ', array_map(fn($u) => $u['name'], $users)), "\n";
print_r(array_combine(['a', 'b'], [1, 2]));
print_r(array_chunk([1, 2, 3, 4, 5], 2));
print_r(array_chunk(['x' => 1, 'y' => 2, 'z' => 3], 2, true));
print_r(array_pad([1, 2], 4, 0));
print_r(array_pad([1, 2], -4, 0));
print_r(array_fill_keys(['a', 'b'], 0));
print_r(array_diff([1, 2, 3, 4], [2, 4]));
print_r(array_intersect(['a' => 1, 'b' => 2, 'c' => 3], [2, 3]));
print_r(array_diff_key(['a' => 1, 'b' => 2], ['a' => 9]));
print_r(array_intersect_key(['a' => 1, 'b' => 2, 'c' => 3], ['a' => 0, 'c' => 0]));
print_r(array_count_values(['a', 'b', 'a', 1, '1']));
var_dump(array_product([2, 3, 4]), array_product([]));
print_r(array_merge_recursive(['a' => [1], 'b' => 2], ['a' => [3], 'b' => 4]));
print_r(array_replace([1, 2, 3], [1 => 'b'], [3 => 'd']));
$stack = [5, 3, 8];
array_walk($stack, function (&$v, $k, $mul) { $v = $v * $mul + $k; }, 10);
print_r($stack);
print_r(array_flip(['a' => 1, 'b' => 2]));
var_dump(array_is_list([1, 2]), array_is_list([1 => 1]));
echo array_key_first(['x' => 1, 'y' => 2]), array_key_last(['x' => 1, 'y' => 2]), "\n";
print_r(array_rand(['only' => 1], 1) === 'only' ? ['ok'] : ['bad']);
$m = [[3, 'c'], [1, 'a'], [2, 'b']];
sort($m);
echo json_encode($m), "\n";
$words = ['banana', 'apple', 'Cherry', 'apple10', 'apple9'];
sort($words); echo implode(',', $words), "\n";
sort($words, SORT_FLAG_CASE | SORT_STRING); echo implode(',', $words), "\n";
natsort($words); echo implode(',', $words), "\n";
$k = ['b' => 1, 'a' => 3, 'c' => 2];
arsort($k); print_r($k);
krsort($k); print_r($k);
uksort($k, fn($x, $y) => strcmp($x, $y)); print_r($k);
