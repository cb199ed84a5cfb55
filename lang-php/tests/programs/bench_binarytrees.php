<?php
function bottomUpTree($depth) { if (!$depth) return [null, null]; $depth--; return [bottomUpTree($depth), bottomUpTree($depth)]; }
function itemCheck($t) { return 1 + ($t[0] === null ? 0 : itemCheck($t[0]) + itemCheck($t[1])); }
$maxDepth = 8; $minDepth = 4;
$stretch = $maxDepth + 1;
echo "stretch tree of depth $stretch\t check: ", itemCheck(bottomUpTree($stretch)), PHP_EOL;
$long = bottomUpTree($maxDepth);
for ($d = $minDepth; $d <= $maxDepth; $d += 2) {
    $iter = 1 << ($maxDepth - $d + $minDepth); $check = 0;
    for ($i = 0; $i < $iter; $i++) $check += itemCheck(bottomUpTree($d));
    echo "$iter\t trees of depth $d\t check: $check", PHP_EOL;
}
echo "long lived tree of depth $maxDepth\t check: ", itemCheck($long), PHP_EOL;
class Node { public $l; public $r; }
function objTree($d) { $n = new Node; if ($d > 0) { $n->l = objTree($d - 1); $n->r = objTree($d - 1); } return $n; }
function objCheck($n) { return 1 + ($n->l ? objCheck($n->l) + objCheck($n->r) : 0); }
echo objCheck(objTree(10)), "\n";
