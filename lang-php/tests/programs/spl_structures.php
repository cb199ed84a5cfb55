<?php
$s = new SplStack(); $s->push(1); $s->push(2); $s[] = 3;
echo $s->top(), $s->pop(), count($s), "\n";
foreach ($s as $k => $v) echo "$k=$v ";
echo "\n";
$q = new SplQueue(); $q->enqueue('a'); $q->enqueue('b'); $q->push('c');
echo $q->dequeue(), count($q), $q->isEmpty() ? 'E' : 'N', "\n";
foreach ($q as $k => $v) echo "$k=$v ";
echo "\n";
print_r(iterator_to_array($q));
$h = new SplMinHeap(); foreach ([5, 1, 3, 9, 2] as $x) $h->insert($x);
echo $h->top(), " ", count($h), "\n";
foreach ($h as $k => $v) echo "$k:$v ";
echo count($h), "\n";
$mh = new SplMaxHeap(); foreach ([5, 1, 3] as $x) $mh->insert($x); echo $mh->extract(), $mh->extract(), "\n";
$pq = new SplPriorityQueue();
$pq->insert('lo', 1); $pq->insert('hi', 10); $pq->insert('mid', 5); $pq->insert('mid2', 5);
echo count($pq), " ", $pq->top(), "\n";
while (!$pq->isEmpty()) echo $pq->extract(), " ";
echo "\n";
$pq->setExtractFlags(SplPriorityQueue::EXTR_BOTH); $pq->insert('x', 3); print_r($pq->extract());
$os = new SplObjectStorage(); $o1 = new stdClass; $o2 = new stdClass;
$os->attach($o1); $os->attach($o2, 'data2'); $os->attach($o1);
echo count($os), " ", var_export($os->contains($o2), true), " ", $os[$o2], "\n";
$os->detach($o1); echo count($os), "\n";
foreach ($os as $i => $o) { echo $i, get_class($o), $os->getInfo(), "\n"; }
$f = new SplFixedArray(3); $f[0] = 'a'; $f[2] = 'c';
echo $f->getSize(), " ", json_encode($f->toArray()), "\n";
foreach ($f as $k => $v) echo "$k=", var_export($v, true), " ";
echo "\n";
try { $f[5] = 1; } catch (RuntimeException $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { (new SplStack)->pop(); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
try { (new SplMinHeap)->extract(); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
$ao = new ArrayObject(['b' => 2, 'a' => 1]);
$ao['c'] = 3; echo count($ao), " ", isset($ao['a']) ? 'y' : 'n', "\n";
foreach ($ao as $k => $v) echo "$k=$v ";
echo "\n";
print_r($ao->getArrayCopy());
$d = new SplDoublyLinkedList(); $d->push(1); $d->push(2); $d->unshift(0);
echo $d->bottom(), $d->top(), $d[1], count($d), $d->shift(), "\n";
