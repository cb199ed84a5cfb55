<?php
// `$a[k] op= v` on hashed arrays (one probe in place) and everything that
// must take the generic path: missing keys, references, non-numbers,
// overflow, packed arrays, nested arrays, copies.
$h = ["a" => 1, "b" => 2.5, "10" => 3, "c" => "7", "d" => null, "e" => PHP_INT_MAX, "-3" => 4];
$v = 2;
$h["a"] += $v; $h["b"] += $v; $h["10"] += $v; $h[10] *= 3; $h["c"] += $v; $h["d"] -= $v;
$h["e"] += 1; $h["-3"] -= 1.5; $h["zz"] += 5;
$h[7] += 1;
$r = &$h["a"]; $h["a"] += 10; echo $r, "\n";
$h["a"] *= $undef;
$x = 5; $h["x"] = 1; $h["x"] += $x; $h["x"] -= "3"; $h["x"] *= 2.0;
unset($r);
print_r($h);
var_dump($h["b"], $h["e"], $h["-3"], $h["x"]);
$p = [1, 2, 3]; $p[1] += 5; $p[5] += 1; print_r($p);
$n = null; $n["k"] += 2; print_r($n);
$big = ["i" => 3]; $big["i"] *= PHP_INT_MAX; var_dump($big);
$arr = ["a" => [1]];
try { $arr["a"] += 1; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }

function counts($words) {
    $c = [];
    foreach ($words as $w) { $c[$w] = 0; }
    for ($i = 0; $i < 3000; $i++) {
        foreach ($words as $j => $w) { $c[$w] += $j; $c[$w] -= 1; $c[$w] *= 1; }
    }
    return $c;
}
print_r(counts(["x", "y", "10", "z", "-7", "0"]));

function floats($n) {
    $f = ["p" => 1.0, "q" => 2, "r" => 0.5];
    $k = "q";
    for ($i = 0; $i < $n; $i++) {
        $f["p"] *= 1.0001;
        $f[$k] += 0.25;
        $f["r"] -= $i;
    }
    return $f;
}
var_dump(floats(2000));

function refs($n) {
    $a = ["u" => 0, "w" => 0];
    $ref = &$a["u"];
    $b = $a;
    for ($i = 0; $i < $n; $i++) {
        $a["u"] += 2;
        $b["w"] += 3;
    }
    echo $ref, " ", $a["u"], " ", $a["w"], " ", $b["w"], " ", $b["u"], "\n";
}
refs(2000);

function overflow($n) {
    $a = ["m" => PHP_INT_MAX - 1000, "s" => 1];
    for ($i = 0; $i < $n; $i++) {
        $a["m"] += 1;
        $a["s"] = "" . $i;
        $a["s"] += 1;
    }
    var_dump($a);
}
overflow(2000);

function nested($n) {
    $m = ["row" => ["c" => 0]];
    for ($i = 0; $i < $n; $i++) {
        $m["row"]["c"] += $i;
    }
    $copy = $m;
    $copy["row"]["c"] -= 1;
    echo $m["row"]["c"], " ", $copy["row"]["c"], "\n";
}
nested(2000);
