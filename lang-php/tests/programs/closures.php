<?php
$x = 10;
$f = function($y) use ($x) { return $x + $y; };
echo $f(5), "\n";
$x = 20;
echo $f(5), "\n";
$acc = 0;
$add = function($n) use (&$acc) { $acc += $n; };
$add(3); $add(4);
echo $acc, "\n";
$mul = fn($a) => $a * $x;
echo $mul(3), "\n";
$compose = fn($f, $g) => fn($v) => $f($g($v));
$inc = fn($v) => $v + 1;
$dbl = fn($v) => $v * 2;
echo $compose($inc, $dbl)(5), "\n";
echo implode(",", array_map(fn($v) => $v * $v, [1, 2, 3])), "\n";
echo implode(",", array_filter([1, 2, 3, 4, 5, 6], fn($v) => $v % 2 == 0)), "\n";
echo array_reduce([1, 2, 3, 4], fn($c, $v) => $c + $v, 0), "\n";
$strlen = 'strlen';
echo $strlen("abcd"), "\n";
$u = 'strtoupper';
echo implode(" ", array_map($u, ["a", "b"])), "\n";
function makeCounter() { $c = 0; return function() use (&$c) { return ++$c; }; }
$c1 = makeCounter(); $c1(); $c1();
echo $c1(), "\n";
class Calc { private $base = 100; function adder() { return fn($n) => $this->base + $n; } }
echo (new Calc)->adder()(5), "\n";
echo call_user_func('str_repeat', "z", 3), " ", call_user_func_array(fn($a, $b) => $a . $b, ["p", "q"]), "\n";
$fs = [fn() => "a", fn() => "b"];
foreach ($fs as $fn) echo $fn();
echo "\n";
$first = strlen(...);
echo $first("xyz"), "\n";
