<?php
// `++`/`--` on variables: ints and floats in place (one instruction),
// everything else (strings, null, undefined, overflow, bools, arrays)
// through the generic path; pre and post values; references, globals and
// statics.
$i = 5; $a = $i++; $b = ++$i; $c = $i--; $d = --$i;
var_dump($i, $a, $b, $c, $d);
$f = 1.5; $g = $f++; $h = --$f; var_dump($f, $g, $h);
$m = PHP_INT_MAX; $m++; var_dump($m);
$n = PHP_INT_MIN; $o = $n--; var_dump($n, $o);
$s = "a"; $s++; var_dump($s);
$z = "Az"; $z++; var_dump($z);
$t = "9"; $t++; var_dump($t);
$u = "5.5"; $u--; var_dump($u);
$nl = null; $nl++; var_dump($nl);
$nd = null; $nd--; var_dump($nd);
$bo = true; $bo++; var_dump($bo);
$x1 = $undef1++; var_dump($x1, $undef1);
--$undef2; var_dump($undef2);
$r = 1; $ref = &$r; $ref++; ++$r; var_dump($r, $ref);
$arr = [1]; try { $arr++; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }

$gl = 10;
function bump() { global $gl; $gl++; static $st = 0; return ++$st; }
for ($k = 0; $k < 3000; $k++) { bump(); }
var_dump($gl, bump());

function loops($n) {
    $sum = 0; $fl = 0.0; $down = $n;
    for ($i = 0; $i < $n; $i++) {
        $sum += $i;
        $fl++;
        $down--;
        $pre = ++$sum;
        $post = $sum--;
    }
    var_dump($sum, $fl, $down, $pre, $post);
    $w = PHP_INT_MAX - 1500;
    for ($i = 0; $i < 3000; $i++) { $w++; }
    var_dump($w);
    $str = "a";
    for ($i = 0; $i < 30; $i++) { $str++; }
    var_dump($str);
}
loops(5000);
