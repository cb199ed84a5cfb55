<?php
class Stack { private $items = []; function push($x) { $this->items[] = $x; } function pop() { return array_pop($this->items); } function peek() { return end($this->items); } function isEmpty() { return empty($this->items); } function size() { return count($this->items); } }
class Queue { private $items = []; function enqueue($x) { $this->items[] = $x; } function dequeue() { return array_shift($this->items); } function size() { return count($this->items); } }
$s = new Stack; foreach ([1, 2, 3] as $v) $s->push($v);
echo $s->pop(), $s->peek(), $s->size(), "\n";
$q = new Queue; foreach (['a', 'b', 'c'] as $v) $q->enqueue($v);
echo $q->dequeue(), $q->dequeue(), $q->size(), "\n";
function balanced($str) { $st = new Stack; $pairs = [')' => '(', ']' => '[', '}' => '{'];
  foreach (str_split($str) as $ch) { if (in_array($ch, $pairs)) $st->push($ch); elseif (isset($pairs[$ch])) { if ($st->isEmpty() || $st->pop() !== $pairs[$ch]) return false; } }
  return $st->isEmpty(); }
foreach (["(a[b]{c})", "(]", "((", ""] as $t) echo json_encode($t), " => ", balanced($t) ? "balanced" : "unbalanced", "\n";
class ListNode { public $next = null; function __construct(public $val) {} }
function fromArray($a) { $head = null; foreach (array_reverse($a) as $v) { $n = new ListNode($v); $n->next = $head; $head = $n; } return $head; }
function reverseList($h) { $prev = null; while ($h) { $nx = $h->next; $h->next = $prev; $prev = $h; $h = $nx; } return $prev; }
function toArray($h) { $r = []; for (; $h; $h = $h->next) $r[] = $h->val; return $r; }
echo implode("->", toArray(reverseList(fromArray([1, 2, 3, 4])))), "\n";
$graph = ['A' => ['B', 'C'], 'B' => ['D'], 'C' => ['D', 'E'], 'D' => ['F'], 'E' => ['F'], 'F' => []];
function bfs($g, $start) { $seen = [$start => true]; $q = [$start]; $order = []; while ($q) { $n = array_shift($q); $order[] = $n; foreach ($g[$n] as $m) if (!isset($seen[$m])) { $seen[$m] = true; $q[] = $m; } } return $order; }
function dfs($g, $n, &$seen = []) { $seen[$n] = true; $r = [$n]; foreach ($g[$n] as $m) if (!isset($seen[$m])) $r = array_merge($r, dfs($g, $m, $seen)); return $r; }
echo implode(",", bfs($graph, 'A')), " | ", implode(",", dfs($graph, 'A')), "\n";
function bsearch($a, $x) { $lo = 0; $hi = count($a) - 1; while ($lo <= $hi) { $mid = ($lo + $hi) >> 1; if ($a[$mid] == $x) return $mid; if ($a[$mid] < $x) $lo = $mid + 1; else $hi = $mid - 1; } return -1; }
$sorted = range(0, 100, 5);
echo bsearch($sorted, 35), " ", bsearch($sorted, 36), "\n";
$heap = new SplMinHeapLike();
class SplMinHeapLike { private $h = []; function insert($v) { $this->h[] = $v; $i = count($this->h) - 1; while ($i > 0) { $p = ($i - 1) >> 1; if ($this->h[$p] <= $this->h[$i]) break; [$this->h[$p], $this->h[$i]] = [$this->h[$i], $this->h[$p]]; $i = $p; } }
  function extract() { $top = $this->h[0]; $last = array_pop($this->h); if ($this->h) { $this->h[0] = $last; $i = 0; $n = count($this->h); while (true) { $l = 2 * $i + 1; $r = $l + 1; $m = $i; if ($l < $n && $this->h[$l] < $this->h[$m]) $m = $l; if ($r < $n && $this->h[$r] < $this->h[$m]) $m = $r; if ($m == $i) break; [$this->h[$m], $this->h[$i]] = [$this->h[$i], $this->h[$m]]; $i = $m; } } return $top; } function count() { return count($this->h); } }
foreach ([5, 3, 8, 1, 9, 2] as $v) $heap->insert($v);
$out = []; while ($heap->count()) $out[] = $heap->extract(); echo implode(" ", $out), "\n";
