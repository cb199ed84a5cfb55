<?php
class Counter {
    private $count = 0;
    protected static $instances = 0;
    public function __construct() { static::$instances++; }
    public function incrementer(): Closure {
        return function ($by = 1) { $this->count += $by; return $this->count; };
    }
    public function staticFn() { return static function () { return isset($this) ? 'has this' : 'no this'; }; }
}
$c = new Counter;
$inc = $c->incrementer();
$inc(); $inc(5);
echo $inc(), "\n";
echo ($c->staticFn())(), "\n";
$peek = function () { return $this->count; };
echo Closure::bind($peek, $c, Counter::class)(), "\n";
$bound = $peek->bindTo($c, $c);
echo $bound(), "\n";
echo $peek->call($c), "\n";
$getInstances = fn() => static::$instances;
echo Closure::bind(fn() => static::$instances, null, Counter::class)(), "\n";
$total = 0;
$add = function ($x) use (&$total) { $total += $x; };
array_map($add, [1, 2, 3]);
echo $total, "\n";
$byVal = 10;
$cap = function () use ($byVal) { return $byVal; };
$byVal = 20;
echo $cap(), "\n";
$arrow = fn() => $byVal;
$byVal = 30;
echo $arrow(), "\n";
function makeCounter() {
    $n = 0;
    return ['inc' => function () use (&$n) { return ++$n; }, 'get' => fn() => $n];
}
$mc = makeCounter();
$mc['inc'](); $mc['inc']();
echo $mc['inc'](), " ", $mc['get'](), "\n";
$fns = [];
for ($i = 0; $i < 3; $i++) $fns[] = fn() => $i * 10;
echo implode(',', array_map(fn($f) => $f(), $fns)), "\n";
$compose = fn(callable ...$f) => fn($x) => array_reduce($f, fn($acc, $g) => $g($acc), $x);
echo $compose('strrev', 'strtoupper', fn($s) => "$s!")('abc'), "\n";
$recursive = function ($n) use (&$recursive) { return $n <= 1 ? 1 : $n * $recursive($n - 1); };
echo $recursive(10), "\n";
