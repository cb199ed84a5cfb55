<?php
// References stored inside arrays, and the aliasing php keeps across copies.
$a = [1, 2, 3];
$x = &$a[1];
$b = $a;          // $b[1] is still a reference shared with $a[1]
$x = 20;
echo $a[1], " ", $b[1], "\n";
$b[1] = 99;
echo $a[1], " ", $b[1], "\n";
unset($x);

// foreach by reference leaves the last element aliased
$list = [1, 2, 3, 4];
foreach ($list as &$v) {
    $v *= 10;
}
foreach ($list as $v) {
}
print_r($list);
unset($v);

// building a tree through references
$tree = [];
$paths = ['a/b/c', 'a/b/d', 'a/e', 'f'];
foreach ($paths as $p) {
    $node = &$tree;
    foreach (explode('/', $p) as $part) {
        if (!isset($node[$part])) {
            $node[$part] = [];
        }
        $node = &$node[$part];
    }
    unset($node);
}
echo json_encode($tree), "\n";

// references to nested elements
$conf = ['db' => ['host' => 'x'], 'cache' => 1];
$db = &$conf['db'];
$db['host'] = 'localhost';
$db['port'] = 5432;
unset($db);
print_r($conf);

// swapping via list and references
function swap(&$p, &$q) { [$p, $q] = [$q, $p]; }
$arr = [5, 7];
swap($arr[0], $arr[1]);
echo implode(",", $arr), "\n";

// array of references to variables
$one = 1; $two = 2;
$refs = [&$one, &$two];
foreach ($refs as $i => &$r) { $r += 100; }
unset($r);
echo "$one $two\n";
$copy = $refs;
$copy[0] = 'changed';
echo "$one\n";
echo implode(',', $refs), "\n";
