<?php
class Bag implements IteratorAggregate { public function getIterator(): Iterator { return new ArrayIterator(['x' => 1, 'y' => 2]); } }
function g() { yield 0; yield from new Bag; yield from new ArrayIterator([7, 8]); $r = yield from (function () { yield 9; return 'done'; })(); yield $r; }
foreach (g() as $k => $v) echo "$k=$v\n";
function bad() { yield from 5; }
try { foreach (bad() as $v) {} } catch (Error $e) { echo $e->getMessage(), "\n"; }
