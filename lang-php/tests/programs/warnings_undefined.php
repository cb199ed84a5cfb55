<?php
function f() {
    echo $undefinedLocal;
    return $alsoUndefined ?? 'default';
}
echo f(), "\n";
$arr = ['a' => 1, 3 => 'x'];
echo $arr['b'], "|", $arr[7], "|\n";
$n = $arr['missing'] ?? 'n/a';
echo $n, "\n";
$o = new stdClass;
$o->set = 1;
echo $o->unset, "|\n";
$s = "abc";
echo $s[10] ?? 'oob', "\n";
echo $s[5], "|\n";
$total = $counter + 1;
echo $total, "\n";
$list = [];
$list['k'][] = 1;
echo count($list['k']), "\n";
$u = null;
echo $u['x'], "|\n";
echo intdiv(7, 2), "\n";
$x = "5 apples" + 3;
echo $x, "\n";
$y = "abc" . [];
echo $y, "\n";
foreach ($undefArr ?? [] as $v) echo $v;
echo @$suppressed, "silenced\n";
echo "done\n";
