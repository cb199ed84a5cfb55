<?php
// Arrays whose keys are 0..n-1 are stored packed; every other key, an
// unset in the middle, or a key past the end must keep php's semantics.

function show($label, $a) {
    echo $label, ': ', json_encode($a), ' next=';
    $b = $a;
    $b[] = 'X';
    echo json_encode(array_keys($b)), "\n";
}

$a = [];
for ($i = 0; $i < 5; $i++) { $a[] = $i * $i; }
show('appended', $a);
$a[2] = 'two';
show('overwrite', $a);
$a[5] = 'five';
show('set at end', $a);
$a[7] = 'seven';
show('gap', $a);

$b = [1, 2, 3];
unset($b[2]);
show('unset last', $b);
$b[] = 4;
show('append after unset last', $b);

$c = [1, 2, 3];
unset($c[1]);
show('unset middle', $c);
$c[1] = 'back';
show('reinsert', $c);

$d = [1, 2, 3];
$d['k'] = 'v';
show('string key', $d);
$d2 = [10, 20];
$d2['1'] = 'one';
show('numeric string key', $d2);
$d3 = [10, 20];
$d3[-1] = 'neg';
show('negative key', $d3);
$e = ['k' => 0];
$e[-5] = 'a';
$e[] = 'b';
show('negative first', $e);
$f = ['x' => 1];
$f[] = 'y';
show('append to string-keyed', $f);

// Reads: in range, out of range, string keys, negative.
$g = [1.5, 2.5, 3.5];
echo $g[0] + $g[2], "\n";
echo isset($g[3]) ? 'set' : 'unset', ' ', isset($g[-1]) ? 'set' : 'unset', ' ', isset($g['1']) ? 'set' : 'unset', "\n";
echo $g['2'], "\n";
echo @$g[3] === null ? 'null' : 'other', "\n";

// Copy on assignment.
$h = [1, 2, 3];
$h2 = $h;
$h2[] = 4;
$h2[0] = 'changed';
show('original', $h);
show('copy', $h2);

// Nested arrays and compound assignment.
$m = [[1, 2], [3, 4]];
$m[1][0] += 10;
$m[2][] = 5;
$m[0][1] .= 'x';
echo json_encode($m), "\n";

// References into elements.
$r = [1, 2, 3];
$ref = &$r[1];
$ref = 'via ref';
$r2 = $r;
$r2[1] = 'shared slot';
echo json_encode($r), ' ', json_encode($r2), "\n";
unset($ref);

// foreach by value and by reference, appending while iterating.
$s = [1, 2, 3];
foreach ($s as $k => $v) { if ($k == 0) { $s[] = 99; } echo "$k=$v "; }
echo "\n", json_encode($s), "\n";
$t = [1, 2, 3];
foreach ($t as $k => &$v) { $v *= 2; if ($k == 0) { $t[] = 4; } }
unset($v);
echo json_encode($t), "\n";

// array functions on packed arrays.
$u = [5, 3, 9, 1];
sort($u);
echo json_encode($u), "\n";
echo array_pop($u), ' ', json_encode($u), "\n";
$u[] = 'p';
echo json_encode($u), "\n";
array_push($u, 'q', 'r');
echo array_shift($u), ' ', json_encode($u), "\n";
array_unshift($u, 'first');
echo json_encode($u), "\n";
echo json_encode(array_slice($u, 1, 2)), ' ', json_encode(array_reverse($u)), "\n";
echo json_encode(array_merge([1, 2], [3])), ' ', json_encode([1, 2] + [5, 6, 7]), "\n";
echo count($u), ' ', implode(',', $u), ' ', in_array('q', $u) ? 'yes' : 'no', "\n";
var_dump([true, null, 1.0]);
print_r(array_fill(0, 3, 'z'));
$w = array_fill(5, 2, 'w');
$w[] = 'next';
echo json_encode($w), "\n";
$x = range(1, 4);
unset($x[3], $x[2], $x[1], $x[0]);
$x[] = 'after emptied';
echo json_encode($x), "\n";
$y = [1, 2];
echo $y == [1, 2] ? 'eq' : 'ne', ' ', $y === [0 => 1, 1 => 2] ? 'id' : 'nid', ' ', [1, 2] == [1 => 2, 0 => 1] ? 'eq' : 'ne', ' ', [1, 2] === [1 => 2, 0 => 1] ? 'id' : 'nid', "\n";
$z = [3 => 'a'];
$z[] = 'b';
echo json_encode($z), "\n";
list($p, , $q) = [7, 8, 9];
[$p2, [$q2]] = [1, [2]];
echo "$p $q $p2 $q2\n";
class K {
    static function twice($n) { return 2 * $n; }
    function add($n) { return $n + 100; }
}
echo json_encode(array_map(['K', 'twice'], [1, 2, 3])), "\n";
echo json_encode(array_map([new K(), 'add'], [1, 2])), ' ', call_user_func(['K', 'twice'], 21), "\n";
$cb = [new K(), 'add'];
echo $cb(1), "\n";
