<?php
// SPL data structures, loaded only for programs that name them (lib.rs: PRELUDE_PARTS).
class ArrayObject implements IteratorAggregate, ArrayAccess, Countable {
    private $__s;
    public function __construct($array = []) { $this->__s = $array; }
    public function getIterator(): Iterator { return new ArrayIterator($this->__s); }
    public function offsetExists($k): bool { return isset($this->__s[$k]); }
    public function offsetGet($k): mixed { return $this->__s[$k]; }
    public function offsetSet($k, $v): void { if ($k === null) { $this->__s[] = $v; } else { $this->__s[$k] = $v; } }
    public function offsetUnset($k): void { unset($this->__s[$k]); }
    public function count(): int { return count($this->__s); }
    public function getArrayCopy(): array { return $this->__s; }
    public function append($v): void { $this->__s[] = $v; }
}
class SplDoublyLinkedList implements Iterator, Countable, ArrayAccess {
    const IT_MODE_LIFO = 2; const IT_MODE_FIFO = 0; const IT_MODE_DELETE = 1; const IT_MODE_KEEP = 0;
    protected $__d = []; protected $__m = 0; protected $__i = 0;
    public function push($v) { $this->__d[] = $v; }
    public function pop() { if (!$this->__d) throw new RuntimeException("Can't pop from an empty datastructure"); return array_pop($this->__d); }
    public function shift() { if (!$this->__d) throw new RuntimeException("Can't shift from an empty datastructure"); return array_shift($this->__d); }
    public function unshift($v) { array_unshift($this->__d, $v); }
    public function top() { if (!$this->__d) throw new RuntimeException("Can't peek at an empty datastructure"); return $this->__d[count($this->__d) - 1]; }
    public function bottom() { if (!$this->__d) throw new RuntimeException("Can't peek at an empty datastructure"); return $this->__d[0]; }
    public function isEmpty() { return !$this->__d; }
    public function count(): int { return count($this->__d); }
    public function toArray() { return $this->__d; }
    public function setIteratorMode(int $mode) { $this->__m = $mode; return 0; }
    public function getIteratorMode() { return $this->__m; }
    public function offsetExists($i): bool { return is_int($i) && $i >= 0 && $i < count($this->__d); }
    public function offsetGet($i): mixed { if (!$this->offsetExists($i)) throw new OutOfRangeException("SplDoublyLinkedList::offsetGet(): Argument #1 (\$index) is out of range"); return $this->__d[$i]; }
    public function offsetSet($i, $v): void { if ($i === null) { $this->__d[] = $v; return; } if (!$this->offsetExists($i)) throw new OutOfRangeException("SplDoublyLinkedList::offsetSet(): Argument #1 (\$index) is out of range"); $this->__d[$i] = $v; }
    public function offsetUnset($i): void { if (!$this->offsetExists($i)) throw new OutOfRangeException("SplDoublyLinkedList::offsetUnset(): Argument #1 (\$index) is out of range"); array_splice($this->__d, $i, 1); }
    public function rewind(): void { $this->__i = ($this->__m & 2) ? count($this->__d) - 1 : 0; }
    public function valid(): bool { return $this->__i >= 0 && $this->__i < count($this->__d); }
    public function current(): mixed { return $this->__d[$this->__i] ?? null; }
    public function key(): mixed { return $this->__i; }
    public function next(): void {
        if ($this->__m & 1) { if ($this->__m & 2) { array_pop($this->__d); $this->__i = count($this->__d) - 1; } else { array_shift($this->__d); } }
        else { $this->__i += ($this->__m & 2) ? -1 : 1; }
    }
}
class SplQueue extends SplDoublyLinkedList {
    public function enqueue($v) { $this->push($v); }
    public function dequeue() { return $this->shift(); }
}
class SplStack extends SplDoublyLinkedList { protected $__m = 2; }
abstract class SplHeap implements Iterator, Countable {
    private $__h = [];
    abstract protected function compare($value1, $value2);
    public function insert($value) {
        $i = count($this->__h);
        while ($i > 0 && $this->compare($this->__h[($i - 1) >> 1], $value) < 0) { $this->__h[$i] = $this->__h[($i - 1) >> 1]; $i = ($i - 1) >> 1; }
        $this->__h[$i] = $value;
        return true;
    }
    public function extract() {
        $n = count($this->__h);
        if ($n === 0) throw new RuntimeException("Can't extract from an empty heap");
        $top = $this->__h[0];
        $bottom = $this->__h[$n - 1];
        $limit = ($n - 1) >> 1;
        for ($i = 0; $i < $limit; $i = $j) {
            $j = 2 * $i + 1;
            if ($j + 1 < $n && $this->compare($this->__h[$j + 1], $this->__h[$j]) > 0) { $j++; }
            if ($this->compare($bottom, $this->__h[$j]) < 0) { $this->__h[$i] = $this->__h[$j]; } else { break; }
        }
        unset($this->__h[$n - 1]);
        if ($n > 1) { $this->__h[$i] = $bottom; }
        return $top;
    }
    public function top() { if (!$this->__h) throw new RuntimeException("Can't peek at an empty heap"); return $this->__h[0]; }
    public function isEmpty() { return !$this->__h; }
    public function count(): int { return count($this->__h); }
    public function rewind(): void {}
    public function valid(): bool { return count($this->__h) > 0; }
    public function current(): mixed { return $this->__h ? $this->__h[0] : null; }
    public function key(): mixed { return count($this->__h) - 1; }
    public function next(): void { if ($this->__h) { $this->extract(); } }
    public function recoverFromCorruption() { return true; }
    public function isCorrupted() { return false; }
}
class SplMinHeap extends SplHeap { protected function compare($value1, $value2) { return $value2 <=> $value1; } }
class SplMaxHeap extends SplHeap { protected function compare($value1, $value2) { return $value1 <=> $value2; } }
class SplPriorityQueue implements Iterator, Countable {
    const EXTR_DATA = 1; const EXTR_PRIORITY = 2; const EXTR_BOTH = 3;
    private $__h = []; private $__f = 1;
    public function compare($priority1, $priority2) { return $priority1 <=> $priority2; }
    public function insert($value, $priority) {
        $e = ['data' => $value, 'priority' => $priority];
        $i = count($this->__h);
        while ($i > 0 && $this->compare($this->__h[($i - 1) >> 1]['priority'], $priority) < 0) { $this->__h[$i] = $this->__h[($i - 1) >> 1]; $i = ($i - 1) >> 1; }
        $this->__h[$i] = $e;
        return true;
    }
    private function __out($e) { return $this->__f === 3 ? $e : ($this->__f === 2 ? $e['priority'] : $e['data']); }
    public function extract() {
        $n = count($this->__h);
        if ($n === 0) throw new RuntimeException("Can't extract from an empty heap");
        $top = $this->__h[0];
        $bottom = $this->__h[$n - 1];
        $limit = ($n - 1) >> 1;
        for ($i = 0; $i < $limit; $i = $j) {
            $j = 2 * $i + 1;
            if ($j + 1 < $n && $this->compare($this->__h[$j + 1]['priority'], $this->__h[$j]['priority']) > 0) { $j++; }
            if ($this->compare($bottom['priority'], $this->__h[$j]['priority']) < 0) { $this->__h[$i] = $this->__h[$j]; } else { break; }
        }
        unset($this->__h[$n - 1]);
        if ($n > 1) { $this->__h[$i] = $bottom; }
        return $this->__out($top);
    }
    public function top() { if (!$this->__h) throw new RuntimeException("Can't peek at an empty heap"); return $this->__out($this->__h[0]); }
    public function setExtractFlags(int $flags) { $this->__f = $flags & 3; return $this->__f; }
    public function getExtractFlags() { return $this->__f; }
    public function isEmpty() { return !$this->__h; }
    public function count(): int { return count($this->__h); }
    public function rewind(): void {}
    public function valid(): bool { return count($this->__h) > 0; }
    public function current(): mixed { return $this->__h ? $this->__out($this->__h[0]) : null; }
    public function key(): mixed { return count($this->__h) - 1; }
    public function next(): void { if ($this->__h) { $this->extract(); } }
}
class SplObjectStorage implements Countable, Iterator, ArrayAccess {
    private $__o = []; private $__d = []; private $__i = 0;
    public function attach(object $object, mixed $info = null): void { $h = spl_object_id($object); $this->__o[$h] = $object; $this->__d[$h] = $info; }
    public function detach(object $object): void { $h = spl_object_id($object); unset($this->__o[$h], $this->__d[$h]); }
    public function contains(object $object): bool { return isset($this->__o[spl_object_id($object)]); }
    public function count($mode = 0): int { return count($this->__o); }
    public function offsetExists($object): bool { return $this->contains($object); }
    public function offsetGet($object): mixed { $h = spl_object_id($object); if (!isset($this->__o[$h])) throw new UnexpectedValueException("Object not found"); return $this->__d[$h]; }
    public function offsetSet($object, $info): void { $this->attach($object, $info); }
    public function offsetUnset($object): void { $this->detach($object); }
    public function getInfo(): mixed { $k = array_keys($this->__o)[$this->__i] ?? null; return $k === null ? null : $this->__d[$k]; }
    public function setInfo(mixed $info): void { $k = array_keys($this->__o)[$this->__i] ?? null; if ($k !== null) { $this->__d[$k] = $info; } }
    public function rewind(): void { $this->__i = 0; }
    public function valid(): bool { return $this->__i < count($this->__o); }
    public function current(): mixed { return array_values($this->__o)[$this->__i] ?? null; }
    public function key(): mixed { return $this->__i; }
    public function next(): void { $this->__i++; }
}
class SplFixedArray implements IteratorAggregate, ArrayAccess, Countable, JsonSerializable {
    private $__a = []; private $__n = 0;
    public function __construct(int $size = 0) { $this->__n = $size; $this->__a = $size > 0 ? array_fill(0, $size, null) : []; }
    public function getSize() { return $this->__n; }
    public function setSize(int $size) { for ($i = $this->__n; $i < $size; $i++) { $this->__a[$i] = null; } for ($i = $size; $i < $this->__n; $i++) { unset($this->__a[$i]); } $this->__n = $size; return true; }
    public function toArray() { return $this->__a; }
    public static function fromArray($array, $preserveKeys = true) { $n = $array ? ($preserveKeys ? max(array_keys($array)) + 1 : count($array)) : 0; $f = new SplFixedArray($n); $i = 0; foreach ($array as $k => $v) { $f[$preserveKeys ? $k : $i++] = $v; } return $f; }
    private function __idx($i) { if (!is_numeric($i) || $i < 0 || $i >= $this->__n) throw new RuntimeException("Index invalid or out of range"); return (int)$i; }
    public function offsetExists($i): bool { return is_numeric($i) && $i >= 0 && $i < $this->__n && $this->__a[(int)$i] !== null; }
    public function offsetGet($i): mixed { return $this->__a[$this->__idx($i)]; }
    public function offsetSet($i, $v): void { if ($i === null) throw new RuntimeException("Index invalid or out of range"); $this->__a[$this->__idx($i)] = $v; }
    public function offsetUnset($i): void { $this->__a[$this->__idx($i)] = null; }
    public function count(): int { return $this->__n; }
    public function getIterator(): Iterator { return new ArrayIterator($this->__a); }
    public function jsonSerialize(): array { return $this->__a; }
}
