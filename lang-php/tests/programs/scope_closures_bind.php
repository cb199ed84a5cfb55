<?php
class Counter { private $count = 0; private function secret() { return "s"; } }
$peek = function() { return $this->count; };
$c = new Counter;
$bound = Closure::bind($peek, $c, Counter::class);
echo $bound(), "\n";
$inc = function($n) { $this->count += $n; return $this->count; };
$fn = $inc->bindTo($c, $c);
echo $fn(5), " ", $fn(2), "\n";
echo $peek->call($c), "\n";
$sec = fn() => $this->secret();
echo Closure::bind($sec, $c, Counter::class)(), "\n";
class Greeter { public $greeting = "Hello"; }
$say = function($name) { return "$this->greeting, $name"; };
echo $say->call(new Greeter, "World"), "\n";
$unbound = function() { return isset($this) ? "has this" : "no this"; };
echo $unbound(), "\n";
echo "done\n";
