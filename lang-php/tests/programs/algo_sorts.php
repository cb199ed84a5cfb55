<?php
function quicksort(array $a): array {
    if (count($a) < 2) return $a;
    $p = array_shift($a);
    $l = array_filter($a, fn($x) => $x < $p);
    $r = array_filter($a, fn($x) => $x >= $p);
    return array_merge(quicksort($l), [$p], quicksort($r));
}
function bubble(array $a): array {
    $n = count($a);
    for ($i = 0; $i < $n; $i++)
        for ($j = 0; $j < $n - 1 - $i; $j++)
            if ($a[$j] > $a[$j + 1]) { $t = $a[$j]; $a[$j] = $a[$j + 1]; $a[$j + 1] = $t; }
    return $a;
}
function merge_sort($a) {
    if (count($a) <= 1) return $a;
    $mid = intdiv(count($a), 2);
    $l = merge_sort(array_slice($a, 0, $mid)); $r = merge_sort(array_slice($a, $mid));
    $res = []; $i = $j = 0;
    while ($i < count($l) && $j < count($r)) $res[] = $l[$i] <= $r[$j] ? $l[$i++] : $r[$j++];
    while ($i < count($l)) $res[] = $l[$i++];
    while ($j < count($r)) $res[] = $r[$j++];
    return $res;
}
mt_srand(5);
$data = [];
for ($i = 0; $i < 200; $i++) $data[] = mt_rand(0, 999);
$s1 = quicksort($data); $s2 = bubble($data); $s3 = merge_sort($data); $s4 = $data; sort($s4);
echo implode(",", array_slice($s1, 0, 10)), "\n";
var_dump($s1 === $s2, $s2 === $s3, $s3 === $s4);
$people = [['n' => 'Bob', 'a' => 25], ['n' => 'Al', 'a' => 30], ['n' => 'Cy', 'a' => 25], ['n' => 'Di', 'a' => 30]];
usort($people, fn($x, $y) => $x['a'] <=> $y['a']);
echo implode(" ", array_column($people, 'n')), "\n";
usort($people, fn($x, $y) => [$y['a'], $x['n']] <=> [$x['a'], $y['n']]);
echo implode(" ", array_column($people, 'n')), "\n";
$words = ["banana", "apple", "Cherry", "date"];
sort($words); echo implode(",", $words), "\n";
sort($words, SORT_STRING); echo implode(",", $words), "\n";
$mixed = [10, "9", 2, "1"]; sort($mixed); var_dump($mixed);
$byLen = $words; usort($byLen, fn($a, $b) => strlen($a) - strlen($b)); echo implode(",", $byLen), "\n";
