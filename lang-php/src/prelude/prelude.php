<?php
interface Traversable {}
interface Iterator extends Traversable {}
interface IteratorAggregate extends Traversable {}
class ArrayIterator implements Iterator, Countable {
    private $__a; private $__k; private $__i = 0;
    public function __construct($array = []) { $this->__a = $array; $this->__k = array_keys($array); }
    public function current(): mixed { return $this->__a[$this->__k[$this->__i]]; }
    public function key(): mixed { return $this->__k[$this->__i]; }
    public function next(): void { $this->__i++; }
    public function rewind(): void { $this->__i = 0; $this->__k = array_keys($this->__a); }
    public function valid(): bool { return $this->__i < count($this->__k); }
    public function count(): int { return count($this->__a); }
}
final class Generator implements Iterator {
    public function current(): mixed { return __gen_op($this, 0, null); }
    public function key(): mixed { return __gen_op($this, 1, null); }
    public function next(): void { __gen_op($this, 2, null); }
    public function valid(): bool { return __gen_op($this, 3, null); }
    public function rewind(): void { __gen_op($this, 4, null); }
    public function send(mixed $value): mixed { return __gen_op($this, 5, $value); }
    public function throw(Throwable $exception): mixed { return __gen_op($this, 6, $exception); }
    public function getReturn(): mixed { return __gen_op($this, 7, null); }
}
interface ArrayAccess {}
interface Countable {}
interface Stringable {}
interface JsonSerializable {}
interface UnitEnum {}
interface BackedEnum extends UnitEnum {}
interface Throwable extends Stringable {}
final class Closure {
    public static function bind($closure, $newThis, $newScope = "static") { return __closure_bindto($closure, $newThis, $newScope); }
    public static function fromCallable($callable) { return __fcc($callable); }
}
class stdClass {}
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
class Exception implements Throwable {
    protected $message = "";
    protected $code = 0;
    protected string $file = "";
    protected int $line = 0;
    protected $previous = null;
    public function __construct($message = "", $code = 0, $previous = null) {
        $this->message = $message;
        $this->code = $code;
        $this->previous = $previous;
    }
    public function getMessage() { return $this->message; }
    public function getCode() { return $this->code; }
    public function getPrevious() { return $this->previous; }
    public function getFile() { return $this->file; }
    public function getLine() { return $this->line; }
    public function getTrace() { return []; }
    public function getTraceAsString() { return "#0 {main}"; }
    public function __toString() {
        return get_class($this) . ": " . $this->message . " in " . $this->file . ":" . $this->line . "\nStack trace:\n#0 {main}";
    }
}
class Error implements Throwable {
    protected $message = "";
    protected $code = 0;
    protected string $file = "";
    protected int $line = 0;
    protected $previous = null;
    public function __construct($message = "", $code = 0, $previous = null) {
        $this->message = $message;
        $this->code = $code;
        $this->previous = $previous;
    }
    public function getMessage() { return $this->message; }
    public function getCode() { return $this->code; }
    public function getPrevious() { return $this->previous; }
    public function getFile() { return $this->file; }
    public function getLine() { return $this->line; }
    public function getTrace() { return []; }
    public function getTraceAsString() { return "#0 {main}"; }
    public function __toString() {
        return get_class($this) . ": " . $this->message . " in " . $this->file . ":" . $this->line . "\nStack trace:\n#0 {main}";
    }
}
class ErrorException extends Exception {}
class TypeError extends Error {}
class ValueError extends Error {}
class ArithmeticError extends Error {}
class DivisionByZeroError extends ArithmeticError {}
class AssertionError extends Error {}
class ArgumentCountError extends TypeError {}
class UnhandledMatchError extends Error {}
class RuntimeException extends Exception {}
class LogicException extends Exception {}
class InvalidArgumentException extends LogicException {}
class DomainException extends LogicException {}
class LengthException extends LogicException {}
class OutOfRangeException extends LogicException {}
class BadFunctionCallException extends LogicException {}
class BadMethodCallException extends BadFunctionCallException {}
class OutOfBoundsException extends RuntimeException {}
class RangeException extends RuntimeException {}
class OverflowException extends RuntimeException {}
class UnderflowException extends RuntimeException {}
class UnexpectedValueException extends RuntimeException {}
class JsonException extends Exception {}

function array_map($callback, $array, ...$more) {
    $r = [];
    if ($more) {
        $arrays = array_merge([$array], $more);
        $n = 0;
        foreach ($arrays as $a) { $n = max($n, count($a)); }
        $vals = [];
        foreach ($arrays as $i => $a) { $vals[$i] = array_values($a); }
        for ($i = 0; $i < $n; $i++) {
            $args = [];
            foreach ($vals as $v) { $args[] = $v[$i] ?? null; }
            $r[] = $callback === null ? $args : $callback(...$args);
        }
        return $r;
    }
    if ($callback === null) { return $array; }
    foreach ($array as $k => $v) { $r[$k] = $callback($v); }
    return $r;
}
function array_filter($array, $callback = null, $mode = 0) {
    $r = [];
    foreach ($array as $k => $v) {
        if ($callback === null) { $keep = $v; }
        elseif ($mode == 2) { $keep = $callback($k); }
        elseif ($mode == 1) { $keep = $callback($v, $k); }
        else { $keep = $callback($v); }
        if ($keep) { $r[$k] = $v; }
    }
    return $r;
}
function array_reduce($array, $callback, $initial = null) {
    $acc = $initial;
    foreach ($array as $v) { $acc = $callback($acc, $v); }
    return $acc;
}
function array_walk(&$array, $callback, $arg = null) {
    foreach ($array as $k => &$v) {
        if (func_num_args() > 2) { $callback($v, $k, $arg); } else { $callback($v, $k); }
    }
    unset($v);
    return true;
}
function __msort($a, $cmp) {
    $n = count($a);
    if ($n < 2) return $a;
    $mid = intdiv($n, 2);
    $l = __msort(array_slice($a, 0, $mid), $cmp);
    $r = __msort(array_slice($a, $mid), $cmp);
    $out = [];
    $i = 0; $j = 0; $nl = count($l); $nr = count($r);
    while ($i < $nl && $j < $nr) {
        if ($cmp($l[$i], $r[$j]) <= 0) { $out[] = $l[$i]; $i++; }
        else { $out[] = $r[$j]; $j++; }
    }
    while ($i < $nl) { $out[] = $l[$i]; $i++; }
    while ($j < $nr) { $out[] = $r[$j]; $j++; }
    return $out;
}
function usort(&$array, $callback) {
    $array = __msort(array_values($array), $callback);
    return true;
}
function uasort(&$array, $callback) {
    $pairs = [];
    foreach ($array as $k => $v) { $pairs[] = [$k, $v]; }
    $sorted = __msort($pairs, fn($x, $y) => $callback($x[1], $y[1]));
    $array = [];
    foreach ($sorted as $p) { $array[$p[0]] = $p[1]; }
    return true;
}
function uksort(&$array, $callback) {
    $pairs = [];
    foreach ($array as $k => $v) { $pairs[] = [$k, $v]; }
    $sorted = __msort($pairs, fn($x, $y) => $callback($x[0], $y[0]));
    $array = [];
    foreach ($sorted as $p) { $array[$p[0]] = $p[1]; }
    return true;
}
function __fcc($callable) {
    if ($callable instanceof Closure) return $callable;
    return function (...$args) use ($callable) { return $callable(...$args); };
}
function call_user_func($callback, ...$args) { return $callback(...$args); }
function call_user_func_array($callback, $args) { return $callback(...$args); }
function iterator_apply(Traversable $iterator, callable $callback, ?array $args = null): int {
    $n = 0;
    foreach ($iterator as $_) { $n++; if ($callback(...($args ?? [])) !== true) break; }
    return $n;
}
function preg_replace_callback($pattern, $callback, $subject, $limit = -1, &$count = null, $flags = 0) {
    $count = 0;
    if (is_array($subject)) {
        $out = [];
        foreach ($subject as $k => $one) { $out[$k] = preg_replace_callback($pattern, $callback, $one, $limit, $c); $count += $c; }
        return $out;
    }
    $subject = (string)$subject;
    foreach ((array)$pattern as $p) {
        $ms = __preg_matches($p, $subject, $limit, 'preg_replace_callback');
        if ($ms === null) return null;
        $out = ''; $pos = 0;
        foreach ($ms as [$off, $len, $groups]) {
            $out .= substr($subject, $pos, $off - $pos) . $callback($groups);
            $pos = $off + $len;
            $count++;
        }
        $subject = $out . substr($subject, $pos);
    }
    return $subject;
}
function preg_replace_callback_array($pattern, $subject, $limit = -1, &$count = null, $flags = 0) {
    $count = 0;
    foreach ($pattern as $p => $cb) { $subject = preg_replace_callback($p, $cb, $subject, $limit, $c); $count += $c; }
    return $subject;
}
function iterator_to_array(Traversable|array $iterator, bool $preserve_keys = true): array {
    if (is_array($iterator)) return $preserve_keys ? $iterator : array_values($iterator);
    $out = [];
    if ($preserve_keys) { foreach ($iterator as $k => $v) { $out[$k] = $v; } }
    else { foreach ($iterator as $v) { $out[] = $v; } }
    return $out;
}
function iterator_count(Traversable|array $iterator): int {
    if (is_array($iterator)) return count($iterator);
    $n = 0;
    foreach ($iterator as $_) { $n++; }
    return $n;
}
function array_find($array, $callback) { foreach ($array as $k => $v) { if ($callback($v, $k)) return $v; } return null; }
function strval($value) { return "$value"; }
function __dim_quiet($o, $k) { return $o->offsetExists($k) ? $o->offsetGet($k) : null; }
function __json_prep($v) {
    if ($v instanceof JsonSerializable) return __json_prep($v->jsonSerialize());
    if (is_array($v)) { foreach ($v as $k => $x) { if (is_array($x) || is_object($x)) { $v[$k] = __json_prep($x); } } }
    return $v;
}
function __stringify_call($name, ...$args) {
    if ($name === 'json_encode') { $args[0] = __json_prep($args[0]); return json_encode(...$args); }
    if (($name === 'count' || $name === 'sizeof') && is_object($args[0])) {
        if ($args[0] instanceof Countable) { return $args[0]->count(); }
        throw new TypeError("count(): Argument #1 (\$value) must be of type Countable|array, " . get_class($args[0]) . " given");
    }
    foreach ($args as $i => $a) {
        if (is_object($a)) { $args[$i] = "$a"; }
        elseif (is_array($a)) { foreach ($a as $k => $v) { if (is_object($v)) { $a[$k] = "$v"; } } $args[$i] = $a; }
    }
    return $name(...$args);
}
