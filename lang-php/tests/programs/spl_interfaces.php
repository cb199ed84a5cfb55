<?php
class NumberCollection implements IteratorAggregate, Countable, ArrayAccess {
    private array $items = [];
    public function __construct(array $items = []) { $this->items = $items; }
    public function getIterator(): Iterator { return new ArrayIterator($this->items); }
    public function count(): int { return count($this->items); }
    public function offsetExists(mixed $o): bool { return isset($this->items[$o]); }
    public function offsetGet(mixed $o): mixed { return $this->items[$o] ?? null; }
    public function offsetSet(mixed $o, mixed $v): void { if ($o === null) $this->items[] = $v; else $this->items[$o] = $v; }
    public function offsetUnset(mixed $o): void { unset($this->items[$o]); }
}
$c = new NumberCollection(['a' => 1, 'b' => 2]);
$c['c'] = 3;
$c[] = 4;
unset($c['a']);
echo count($c), " ", $c['b'], " ", var_export($c['zz'], true), "\n";
foreach ($c as $k => $v) echo "$k=$v ";
echo "\n";
class Range implements Iterator {
    private $cur;
    public function __construct(private int $start, private int $end, private int $step = 1) { $this->cur = $start; }
    public function current(): mixed { return $this->cur; }
    public function key(): mixed { return ($this->cur - $this->start) / $this->step; }
    public function next(): void { $this->cur += $this->step; }
    public function rewind(): void { $this->cur = $this->start; }
    public function valid(): bool { return $this->cur <= $this->end; }
}
foreach (new Range(1, 10, 3) as $i => $v) echo "[$i:$v]";
echo "\n";
$r = new Range(0, 4);
foreach ($r as $v) echo $v;
foreach ($r as $v) echo $v;
echo "\n";
$total = 0; foreach (new ArrayIterator([5, 6, 7]) as $v) $total += $v; echo $total, "\n";
echo count(new ArrayIterator([1, 2])), "\n";
try { count(new stdClass); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
var_dump($c instanceof Traversable, $r instanceof Traversable, new Range(1, 2) instanceof IteratorAggregate);
