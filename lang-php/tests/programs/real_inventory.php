<?php
declare(strict_types=1);

namespace App\Inventory;

interface Describable { public function describe(): string; }

abstract class Product implements Describable, \JsonSerializable
{
    private static int $nextId = 1;
    public readonly int $id;

    public function __construct(
        protected string $name,
        protected float $price,
        protected int $qty = 0,
    ) {
        $this->id = self::$nextId++;
    }

    abstract public function category(): string;

    public function total(): float { return $this->price * $this->qty; }

    public function describe(): string
    {
        return sprintf("#%03d %-10s %8.2f x %3d = %10.2f [%s]", $this->id, $this->name, $this->price, $this->qty, $this->total(), $this->category());
    }

    public function jsonSerialize(): mixed
    {
        return ['id' => $this->id, 'name' => $this->name, 'total' => round($this->total(), 2)];
    }

    public function __get($n) { return $this->$n ?? null; }
}

trait Discountable
{
    private float $discount = 0.0;
    public function withDiscount(float $d): static { $c = clone $this; $c->discount = $d; return $c; }
    public function total(): float { return parent::total() * (1 - $this->discount); }
}

final class Book extends Product { use Discountable; public function category(): string { return 'book'; } }
final class Food extends Product { public function category(): string { return 'food'; } }

class Inventory implements \IteratorAggregate, \Countable, \ArrayAccess
{
    /** @var array<int, Product> */
    private array $items = [];
    public function add(Product ...$ps): self { foreach ($ps as $p) { $this->items[$p->id] = $p; } return $this; }
    public function getIterator(): \Generator { yield from $this->items; }
    public function count(): int { return \count($this->items); }
    public function offsetExists(mixed $k): bool { return isset($this->items[$k]); }
    public function offsetGet(mixed $k): mixed { return $this->items[$k] ?? throw new \OutOfBoundsException("No item $k"); }
    public function offsetSet(mixed $k, mixed $v): void { throw new \LogicException('read-only'); }
    public function offsetUnset(mixed $k): void { unset($this->items[$k]); }
    public function filter(callable $f): array { return array_values(array_filter($this->items, $f)); }
    public function totalBy(): array
    {
        $out = [];
        foreach ($this as $p) { $out[$p->category()] = ($out[$p->category()] ?? 0) + $p->total(); }
        ksort($out);
        return $out;
    }
}

$inv = (new Inventory())->add(
    new Book('Dune', 9.99, 3),
    new Food('Apple', 0.5, 120),
    (new Book('SICP', 45.0, 2))->withDiscount(0.1),
    new Food(name: 'Bread', price: 2.25, qty: 10),
);
foreach ($inv as $id => $p) echo $p->describe(), "\n";
printf("%d items\n", count($inv));
echo json_encode(array_values(iterator_to_array($inv)), JSON_PRETTY_PRINT), "\n";
print_r(array_map(fn($x) => number_format($x, 2), $inv->totalBy()));
echo implode(', ', array_map(fn(Product $p) => $p->name, $inv->filter(fn($p) => $p->total() > 20))), "\n";
try { $inv[99]; } catch (\OutOfBoundsException $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { $inv[1] = 5; } catch (\LogicException $e) { echo $e->getMessage(), "\n"; }
unset($inv[2]);
var_dump(isset($inv[2]), isset($inv[1]), count($inv));
$byCat = [];
foreach ($inv as $p) { $byCat[$p->category()][] = $p->name; }
echo json_encode($byCat), "\n";
$fmt = sprintf(...);
echo $fmt("%s-%s", "a", "b"), "\n";
$upper = strtoupper(...);
echo implode(",", array_map($upper, ['x', 'y'])), "\n";
$items = $inv->filter(fn() => true); usort($items, fn($a, $b) => $b->total() <=> $a->total()); echo implode(" > ", array_map(fn($p) => $p->name, $items)), "\n";
echo str_pad('', 20, '=') . "\n";
echo ucwords('hello world from php'), ' ', wordwrap('The quick brown fox', 10, "\n", true), "\n";
