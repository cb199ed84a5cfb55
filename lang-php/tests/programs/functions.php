<?php
function greet($name, $greeting = "Hello") { return "$greeting, $name!"; }
echo greet("A"), " ", greet("B", "Hi"), "\n";
function sum(...$nums) { return array_sum($nums); }
echo sum(1, 2, 3, 4), " ", sum(), "\n";
function addOne(&$x) { $x++; }
$v = 5; addOne($v); addOne($v); echo $v, "\n";
function named($a, $b = 2, $c = 3) { return "$a-$b-$c"; }
echo named(1, c: 10), " ", named(b: 5, a: 0), "\n";
$args = [1, 2, 3];
echo named(...$args), "\n";
function fact($n) { return $n <= 1 ? 1 : $n * fact($n - 1); }
echo fact(20), " ", fact(21), "\n";
function counter() { static $c = 0; return ++$c; }
counter(); counter(); echo counter(), "\n";
$g = 10;
function useGlobal() { global $g; $g++; return $g; }
echo useGlobal(), " ", $g, "\n";
function viaGlobals() { return $GLOBALS['g'] * 2; }
echo viaGlobals(), "\n";
function typed(int $x, ?string $s = null): string { return $x . ($s ?? "null"); }
echo typed("5"), " ", typed(3, "x"), "\n";
function &getRef(array &$arr) { return $arr; }
echo strlen("hello"), " ", str_repeat("ab", 3), "\n";
function noReturn() {}
var_dump(noReturn());
function varargs() { return func_get_args(); }
print_r(varargs(1, "two", 3.0));
echo func_num(), "\n";
function func_num() { return 42; }
