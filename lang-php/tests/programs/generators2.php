<?php
function g() { yield 1; throw new LogicException("uncaught in gen"); }
class K { public static function range($n) { for ($i = 0; $i < $n; $i++) { yield "k$i" => $i; } } }
foreach (K::range(3) as $k => $v) echo "$k=$v\n";
var_dump(K::range(2));
function fib() { [$a, $b] = [0, 1]; while (true) { yield $a; [$a, $b] = [$b, $a + $b]; } }
foreach (fib() as $i => $f) { if ($i >= 10) break; echo $f, " "; }
echo "\n";
function acc() { $data = []; while (count($data) < 3) { $data[] = yield; } return $data; }
$a = acc(); $a->current(); $a->send(1); $a->send(2); $a->send(3); print_r($a->getReturn());
$total = 0;
for ($j = 0; $j < 300; $j++) { foreach (K::range(50) as $k => $v) { $total += $v; } }
echo $total, "\n";
$g = (fn() => yield 5)();
var_dump($g->current());
function gen_with_keys() { yield 5 => 'a'; yield 'b'; yield 'x' => 'c'; yield 'd'; }
var_dump(iterator_to_array(gen_with_keys()));
echo iterator_count(K::range(7)), "\n";
foreach (g() as $v) echo $v, "\n";
