<?php
class Coll implements IteratorAggregate, Countable, ArrayAccess {
    private array $items = [];
    public function getIterator(): Iterator { return new ArrayIterator($this->items); }
    public function count(): int { return count($this->items); }
    public function offsetExists(mixed $o): bool { return isset($this->items[$o]); }
    public function offsetGet(mixed $o): mixed { return $this->items[$o] ?? null; }
    public function offsetSet(mixed $o, mixed $v): void { if ($o === null) $this->items[] = $v; else $this->items[$o] = $v; }
    public function offsetUnset(mixed $o): void { unset($this->items[$o]); }
}
$c = new Coll;
$c[] = "a"; $c['x'] = "b"; $c[] = "c";
echo count($c), "\n";
var_dump(isset($c['x']), isset($c['y']), $c['x']);
unset($c['x']);
foreach ($c as $k => $v) echo "$k=$v\n";
print_r(iterator_to_array($c));
echo $c instanceof Traversable ? "T\n" : "F\n";
class S implements Stringable { function __toString(): string { return "S!"; } }
echo new S, "\n";
$f = strlen(...);
echo $f("abc"), "\n";
$g = static fn($x) => $x * 2;
echo $g(4), "\n";
class P { public function __construct(public readonly int $x) {} }
$p = new P(3); echo $p->x, "\n";
try { $p->x = 4; } catch (Error $e) { echo $e->getMessage(), "\n"; }
echo json_encode(['a'=>1,'b'=>[1,2]]), "\n";
echo sprintf("%05.2f|%-6s|%x|%'*8d", 3.14159, "ab", 255, 42), "\n";
