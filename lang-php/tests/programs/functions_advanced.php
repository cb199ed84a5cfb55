<?php
function opts(array $o = ['a' => 1], int ...$rest) { return json_encode($o) . ":" . array_sum($rest); }
echo opts(), " ", opts(['b' => 2], 1, 2, 3), "\n";
function defaults($a, $b = PHP_INT_SIZE, $c = M_PI > 3 ? "pi" : "no", $d = [1, 2][1]) { return "$a $b $c $d"; }
echo defaults(1), "\n";
function byName(string $greeting, string $name = "you", string $punct = "!") { return "$greeting, $name$punct"; }
echo byName(name: "Ann", greeting: "Hi"), " ", byName("Yo", punct: "?"), "\n";
$args = ['greeting' => 'Hey', 'punct' => '.'];
echo byName(...$args), "\n";
function variadicNamed(...$args) { return json_encode($args); }
echo variadicNamed(1, 2, x: 3), "\n";
if (!function_exists('later')) { function later() { return "conditionally defined"; } }
echo later(), "\n";
function outer() { if (!function_exists('inner')) { function inner() { return "inner!"; } } return inner(); }
echo outer(), " ", inner(), "\n";
$fname = 'str' . 'toupper'; echo $fname('dyn'), "\n";
echo call_user_func_array([new ArrayObjectFree([3, 1, 2]), 'sorted'], []), "\n";
class ArrayObjectFree { function __construct(private array $a) {} function sorted() { $b = $this->a; sort($b); return implode(",", $b); } }
function recursiveSum(array $a): int { $s = 0; foreach ($a as $v) $s += is_array($v) ? recursiveSum($v) : $v; return $s; }
echo recursiveSum([1, [2, [3, [4]]], 5]), "\n";
function gen_counter(int $start = 0): Closure { return function() use (&$start) { return $start++; }; }
$c = gen_counter(10); $c(); echo $c(), "\n";
function typedNullable(?int $x = null, int|string $y = 5): string { return var_export($x, true) . "/" . var_export($y, true); }
echo typedNullable(), " ", typedNullable(3, "s"), "\n";
echo implode(",", array_map(null, [1, 2])), "\n";
