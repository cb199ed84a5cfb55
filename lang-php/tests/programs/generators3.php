<?php
function pairs() { yield 'a' => [1, 2]; yield 'b' => [3, 4]; }
foreach (pairs() as $k => [$x, $y]) echo "$k: $x,$y\n";
function g2() { $r = yield 1 => 'one'; echo "r=$r\n"; $s = (yield); echo "s=", var_export($s, true), "\n"; }
$g = g2(); echo $g->key(), $g->current(), "\n"; $g->send('X'); $g->send(null);
function gen_refs(array $a) { foreach ($a as $i => $v) { if ($v % 2) continue; yield $i => $v * 10; } }
echo json_encode(iterator_to_array(gen_refs([1, 2, 3, 4]))), "\n";
function inner2() { $x = yield 1; echo "inner got $x\n"; return 5; }
function outer2() { $v = yield from inner2(); echo "v=$v\n"; }
$o = outer2(); $o->current(); $o->send('hey'); var_dump($o->valid());
$gen = (function () { try { yield 1; yield 2; } finally { echo "cleanup\n"; } })();
foreach ($gen as $v) { echo $v, "\n"; }
function genWithDefault($n = 3, ...$rest) { for ($i = 0; $i < $n; $i++) yield $i; yield count($rest); }
echo implode(',', iterator_to_array(genWithDefault(2, 'x', 'y'), false)), "\n";
function typed(int $n): iterable { yield $n; }
try { foreach (typed("x") as $v) {} } catch (TypeError $e) { echo get_class($e), "\n"; }
abstract class Repo { abstract protected function rows(): Generator; public function all(): array { return iterator_to_array($this->rows(), false); } }
class MemRepo extends Repo { protected function rows(): Generator { yield from [['id' => 1], ['id' => 2]]; yield ['id' => 3]; } }
echo json_encode((new MemRepo)->all()), "\n";
$lazy = (fn() => yield from [1, 2, 3])();
echo array_sum(iterator_to_array($lazy, false)), "\n";
