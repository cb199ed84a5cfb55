<?php
// Binary operators read variable operands themselves (BinCv), when the
// operator runs, as php does: undefined variables warn in operand order,
// reference cells and append-built strings are read through, and an
// operand changed by the other operand's evaluation is read changed.
function f() { echo "f\n"; return 1; }
$i = 1;
echo $i + $i++, "\n";
$j = 1;
echo $j++ + $j, "\n";
echo $undef1 + f(), "\n";
echo f() + $undef2, "\n";
echo $undef3 . $undef4, "|\n";
$a = 5; $r = &$a; $r += 2;
echo $a * $r, " ", $r - $a, "\n";
$s = ""; for ($k = 0; $k < 5; $k++) { $s .= "ab"; } 
echo $s . $s, " ", strlen($s . "x"), " ", $s === "ababababab" ? "y" : "n", "\n";
$x = 3; $y = "4";
var_dump($x < $y, $x == $y, $x <=> $y, $x . $y, $x ** $y, $y % $x, $x & $y, $x / $y);
function loop($n) {
    $sum = 0; $f = 0.5;
    for ($i = 0; $i < $n; $i++) {
        $sum = $sum + $i;
        if ($i % 3 == 0) { $f = $f * 1.001; }
        if ($sum > $n * 100) { $sum = $sum - $n; }
    }
    var_dump($sum, $f);
}
loop(5000);
function g() { global $gv; return $gv * 2 + $gv; }
$gv = 7; echo g(), "\n";
try { echo [] + 1; } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
$arr = [1, 2]; $arr2 = [3, 4, 5];
print_r($arr + $arr2);
