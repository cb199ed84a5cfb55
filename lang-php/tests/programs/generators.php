<?php
function gen() { $x = yield 1; echo "got ", var_export($x, true), "\n"; yield 2; return 3; }
$g = gen();
foreach ($g as $k => $v) echo "$k => $v\n";
echo $g->getReturn(), "\n";

function counter($start, $end, $step = 1) {
    for ($i = $start; $i <= $end; $i += $step) {
        yield $i;
    }
}
$sum = 0;
foreach (counter(1, 10000) as $n) $sum += $n;
echo $sum, "\n";

function kv() { yield 'a' => 1; yield 'b' => 2; yield 10 => 3; yield 4; yield; }
foreach (kv() as $k => $v) { var_dump($k, $v); }

function echoer() {
    while (true) {
        $cmd = yield;
        if ($cmd === 'stop') return 'stopped';
        echo "cmd: $cmd\n";
    }
}
$e = echoer();
$e->current();
$e->send('a');
$e->send('b');
$e->send('stop');
var_dump($e->valid());
echo $e->getReturn(), "\n";

function inner() { yield 1; yield 2; return 'inner-ret'; }
function outer() { $r = yield from inner(); echo "inner returned $r\n"; yield from ['x' => 10, 'y' => 20]; yield 3; return 'outer'; }
foreach (outer() as $k => $v) echo "$k: $v\n";
$o = outer();
print_r(iterator_to_array($o, false));

class Tree {
    public function __construct(public $v, public array $kids = []) {}
    public function walk(): Generator {
        yield $this->v;
        foreach ($this->kids as $k) yield from $k->walk();
    }
}
$t = new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)]);
foreach ($t->walk() as $v) echo $v, " ";
echo "\n";
$mul = 3;
$f = function ($n) use ($mul) { for ($i = 0; $i < $n; $i++) yield $i * $mul; };
echo implode(",", iterator_to_array($f(4))), "\n";

function thrower() {
    try {
        yield 1;
        yield 2;
    } catch (Exception $e) {
        echo "caught inside: ", $e->getMessage(), "\n";
        yield 99;
    } finally {
        echo "finally\n";
    }
}
$g = thrower();
echo $g->current(), "\n";
echo $g->throw(new Exception("boom")), "\n";
$g->next();
var_dump($g->valid());

function bad() { yield 1; throw new RuntimeException("bad gen"); }
try { foreach (bad() as $v) echo "v=$v\n"; } catch (RuntimeException $e) { echo "caught: ", $e->getMessage(), "\n"; }

$g = counter(1, 3);
foreach ($g as $v) echo $v;
echo "\n";
try { foreach ($g as $v) echo $v; } catch (Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$g = counter(1, 3);
$g->next(); echo $g->current(), "\n";
try { $g->rewind(); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
$g = counter(1, 3);
try { $g->getReturn(); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
var_dump($g instanceof Traversable, $g instanceof Iterator, get_class($g));
function lazyMap(callable $f, iterable $xs) { foreach ($xs as $k => $x) yield $k => $f($x); }
function take($n, $xs) { foreach ($xs as $k => $x) { if ($n-- <= 0) return; yield $k => $x; } }
function naturals() { $i = 0; while (true) yield $i++; }
print_r(iterator_to_array(take(5, lazyMap(fn($x) => $x * $x, naturals()))));
$gen = (function() { $received = []; while (count($received) < 3) { $received[] = yield count($received); } return $received; })();
foreach (range('a','z') as $c) { if (!$gen->valid()) break; $gen->send($c); }
print_r($gen->getReturn());
