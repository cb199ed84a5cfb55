<?php
$a = 1; $b = &$a; $b = 2; echo $a, "\n";
unset($b); $b = 3; echo $a, "\n";
$arr = [1, 2, 3];
foreach ($arr as &$v) { $v *= 2; }
unset($v);
print_r($arr);
$arr2 = [1, 2, 3];
foreach ($arr2 as &$v) {}
foreach ($arr2 as $v) {}
print_r($arr2);
$x = ['k' => 1];
$r = &$x['k']; $r = 100; echo $x['k'], "\n";
$copy = $x; $r = 200; echo $copy['k'], " ", $x['k'], "\n";
function modify(array &$arr) { $arr[] = 'added'; }
$list = []; modify($list); modify($list); print_r($list);
function swap(&$p, &$q) { $t = $p; $p = $q; $q = $t; }
$m = 'm'; $n = 'n'; swap($m, $n); echo "$m $n\n";
$data = ['a' => ['b' => 1]];
$ref = &$data['a']['b']; $ref++; echo $data['a']['b'], "\n";
$obj = new stdClass; $obj->v = 1; $o2 = $obj; $o2->v = 2; echo $obj->v, "\n";
$arrOfArr = [[1], [2]];
foreach ($arrOfArr as $k => &$inner) { $inner[] = $k; }
unset($inner);
print_r($arrOfArr);
$s1 = [1, 2]; $s2 = $s1; $s2[] = 3; echo count($s1), count($s2), "\n";
function addAll(array $xs) { $xs[] = 99; return $xs; }
$orig = [1]; $new = addAll($orig); echo count($orig), count($new), "\n";
$cfg = ['x' => [1, 2]];
$alias = &$cfg['x'];
$alias[] = 3;
print_r($cfg);
