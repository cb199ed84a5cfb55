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
function __iter_gen($it) { foreach ($it as $k => $v) { yield $k => $v; } }
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
