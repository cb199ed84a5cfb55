<?php
class A { public ?A $next = null; public $v = 1; function getNext() { return $this->next; } }
$a = new A; $a->next = new A; $a->next->v = 2;
echo $a?->next?->v, " ", var_export($a->next->next?->v, true), " ", var_export($a->getNext()?->getNext()?->v, true), "\n";
$n = null;
echo var_export($n?->foo(), true), "\n";
$arr = ['a' => ['b' => null]];
echo $arr['a']['b'] ?? 'nb', " ", $arr['x']['y'] ?? 'nxy', " ", isset($arr['a']) ? 'y' : 'n', isset($arr['a']['b']) ? 'y' : 'n', "\n";
$i = 5;
$r = $i > 3 ? ($i > 4 ? "big" : "mid") : "small"; echo $r, "\n";
echo (fn() => 42)(), "\n";
echo (function() { return "iife"; })(), "\n";
$f = 'sprintf'; echo $f("%03d", 7), "\n";
echo PHP_VERSION >= "8" ? "php8" : "old", "\n";
echo __LINE__, " ", basename(__FILE__), " ", __FUNCTION__, "|", "\n";
function fnname() { return __FUNCTION__; } echo fnname(), "\n";
class M { function m() { return __METHOD__ . " " . __CLASS__; } } echo (new M)->m(), "\n";
echo gettype(1 <=> 2), " ", 1 + 1 . "", "\n";
echo -2 ** 2, " ", (-2) ** 2, " ", 2 ** 3 ** 2, " ", -3 % 2, " ", 7 <=> 7.0, "\n";
var_dump(!empty([0]), (bool)"false", 1 <=> null, null ?? false);
$x = ["a", "b"]; echo "{$x[1]}", "\n";
echo "Value: " . ($i ?: 'none') . "\n";
print("print with parens\n");
$z = print ""; echo $z, "\n";
