<?php
$a = [1, 2, [3, 4]];
$b = $a;
$b[2][0] = 'changed';
echo json_encode($a), " ", json_encode($b), "\n";
function mutate($arr) { $arr[0] = 'm'; $arr[2][] = 5; return $arr; }
$c = mutate($a);
echo json_encode($a), " ", json_encode($c), "\n";
class Box { public $items = []; }
$box = new Box; $box->items[] = 1;
$items = $box->items; $items[] = 2;
echo count($box->items), count($items), "\n";
$box2 = $box; $box2->items[] = 3;
echo count($box->items), "\n";
$nested = ['l1' => ['l2' => ['l3' => 0]]];
$copy = $nested;
$copy['l1']['l2']['l3']++;
echo $nested['l1']['l2']['l3'], $copy['l1']['l2']['l3'], "\n";
$arr = [1, 2, 3];
foreach ($arr as $k => $v) { if ($k == 0) { $arr[] = 4; } echo $v; }
echo " ", count($arr), "\n";
$x = [1]; $y = &$x; $y[] = 2; echo count($x), "\n";
$list = [[1], [2]];
foreach ($list as $item) { $item[] = 'x'; }
echo json_encode($list), "\n";
$m = ['a' => [1]];
$n = $m['a']; $n[] = 2; echo json_encode($m), json_encode($n), "\n";
$s = [1, 2]; $t = $s; sort($t); rsort($s); echo json_encode($s), json_encode($t), "\n";
$q = [3, 1, 2]; $w = $q; usort($w, fn($p, $r) => $p <=> $r); echo json_encode($q), json_encode($w), "\n";
$st = [1]; $st2 = $st; array_push($st2, 2); echo count($st), count($st2), "\n";
static $z = [1];
