<?php
function memoize(callable $f): callable { $cache = []; return function(...$args) use ($f, &$cache) { $k = serialize($args); if (!array_key_exists($k, $cache)) { echo "(compute)"; $cache[$k] = $f(...$args); } return $cache[$k]; }; }
$slowSquare = fn($x) => $x * $x;
$fast = memoize($slowSquare);
echo $fast(4), " ", $fast(4), " ", $fast(5), "\n";
function curry($f, ...$bound) { return fn(...$rest) => $f(...$bound, ...$rest); }
$add3 = fn($a, $b, $c) => $a + $b + $c;
echo curry($add3, 1, 2)(3), " ", curry($add3, 10)(20, 30), "\n";
$pipeline = array_reduce([fn($x) => $x + 1, fn($x) => $x * 10, 'strval', fn($s) => "<$s>"], fn($carry, $fn) => fn($x) => $fn($carry($x)), fn($x) => $x);
echo $pipeline(4), "\n";
$counter = (function() { $n = 0; return ['inc' => function() use (&$n) { return ++$n; }, 'get' => function() use (&$n) { return $n; }]; })();
$counter['inc'](); $counter['inc']();
echo $counter['get'](), "\n";
class Btn { private $handlers = []; function on($e, callable $h) { $this->handlers[$e][] = $h; return $this; } function fire($e, ...$a) { foreach ($this->handlers[$e] ?? [] as $h) $h(...$a); } }
$b = new Btn; $log = [];
$b->on('click', function($x) use (&$log) { $log[] = "first:$x"; })->on('click', function($x) use (&$log) { $log[] = "second:$x"; });
$b->fire('click', 7); $b->fire('none');
echo implode(" ", $log), "\n";
$mult = 3;
$fns = array_map(fn($i) => fn($x) => $x * $i * $mult, [1, 2, 3]);
echo implode(",", array_map(fn($f) => $f(2), $fns)), "\n";
$sorter = fn(string $key) => fn($a, $b) => $a[$key] <=> $b[$key];
$rows = [['n' => 'b', 'v' => 2], ['n' => 'a', 'v' => 3]];
usort($rows, $sorter('n')); echo $rows[0]['n'], " ";
usort($rows, $sorter('v')); echo $rows[0]['n'], "\n";
$gen = function() { static $calls = 0; return ++$calls; };
$gen(); echo $gen(), "\n";
echo (new class { public function __invoke($x) { return "invoked $x"; } })(5), "\n";
echo implode(",", array_map([new class { function dbl($x) { return $x * 2; } }, 'dbl'], [1, 2])), "\n";
