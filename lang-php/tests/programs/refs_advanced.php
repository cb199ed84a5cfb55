<?php
function &getStore() { static $store = []; return $store; }
$arr = [1, 2, 3];
$refs = [];
foreach ($arr as $i => &$v) { $refs[$i] = &$v; }
unset($v);
$refs[1] = 'changed';
print_r($arr);
$a = ['x' => ['y' => 1]];
$p = &$a['x'];
$p['y'] = 2; $p['z'] = 3;
print_r($a);
$b = $a; $p['w'] = 4;
echo json_encode($a), " ", json_encode($b), "\n";
function addItem(array &$list, $item) { $list[] = $item; return count($list); }
$items = [];
addItem($items, 'a'); echo addItem($items, 'b'), " ", implode(",", $items), "\n";
$matrix = [[1, 2], [3, 4]];
foreach ($matrix as &$row) foreach ($row as &$cell) $cell *= 10;
unset($row, $cell);
echo json_encode($matrix), "\n";
$x = 1; $y = &$x; $z = $y; $z++; echo "$x $y $z\n";
$arr2 = [1, 2, 3]; $ref = &$arr2[0]; $copy = $arr2; $ref = 99; echo $copy[0], " ", $arr2[0], "\n";
function incAll(array &$xs) { foreach ($xs as &$x) $x++; }
$nums = [1, 2, 3]; incAll($nums); echo implode(",", $nums), "\n";
$config = ['debug' => false];
$setter = function($k, $v) use (&$config) { $config[$k] = $v; };
$setter('debug', true); $setter('level', 3);
var_dump($config);
$obj = new stdClass; $obj->list = [];
$l = &$obj->list; $l[] = 'via ref'; echo count($obj->list), "\n";
$s = 'abc'; $t = &$s; $t .= 'def'; echo $s, "\n";
