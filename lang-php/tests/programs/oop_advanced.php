<?php
interface Shape { public function area(): float; public function name(): string; }
abstract class Base implements Shape {
    protected static int $instances = 0;
    public function __construct() { static::$instances++; self::log("created " . static::class); }
    public static function log(string $m): void { echo "[log] $m\n"; }
    public static function count(): int { return self::$instances; }
    public function name(): string { return strtolower(static::class); }
    public function __toString(): string { return sprintf("%s(%.2f)", $this->name(), $this->area()); }
}
final class Square extends Base { public function __construct(private float $s) { parent::__construct(); } public function area(): float { return $this->s ** 2; } }
class Tri extends Base { public function __construct(protected float $b, protected float $h) { parent::__construct(); } public function area(): float { return 0.5 * $this->b * $this->h; } }
$shapes = [new Square(3), new Tri(4, 5), new Square(1.5)];
foreach ($shapes as $s) echo $s, "\n";
echo "count: ", Base::count(), "\n";
usort($shapes, fn($a, $b) => $a->area() <=> $b->area());
echo implode(", ", array_map('strval', $shapes)), "\n";
echo "Total: " . array_sum(array_map(fn($s) => $s->area(), $shapes)) . "\n";
class Node { public $children = []; public function __construct(public string $v) {} public function add(Node $c): static { $this->children[] = $c; return $this; } }
function dump(Node $n, $d = 0) { echo str_repeat("  ", $d), $n->v, "\n"; foreach ($n->children as $c) dump($c, $d + 1); }
$root = (new Node("root"))->add((new Node("a"))->add(new Node("a1")))->add(new Node("b"));
dump($root);
class Registry { private static ?Registry $inst = null; private array $items = []; public static function get(): self { return self::$inst ??= new self(); } public function set($k, $v) { $this->items[$k] = $v; return $this; } public function all() { return $this->items; } }
Registry::get()->set('a', 1)->set('b', 2);
print_r(Registry::get()->all());
class Temp { public function __construct(public $c = 0) {} public function __clone() { $this->c++; } }
$t = new Temp(); $t2 = clone $t; $t3 = clone $t2; echo $t->c, $t2->c, $t3->c, "\n";
trait Counter { private int $n = 0; public function inc(): int { return ++$this->n; } }
trait Hello { public function hello() { return "hello from " . self::class; } }
class UsesTraits { use Counter, Hello; }
$u = new UsesTraits; $u->inc(); echo $u->inc(), " ", $u->hello(), "\n";
class P1 { public function who() { return "P1"; } public function test() { return $this->who() . static::class; } }
class C1 extends P1 { public function who() { return "C1"; } }
echo (new C1)->test(), " ", (new P1)->test(), "\n";
abstract class A2 { abstract protected function x(); }
try { $a = new A2(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { $i = new Shape(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
var_dump($shapes[0] instanceof Shape, $shapes[0] instanceof Base, $root instanceof Shape);
echo get_class($root), " ", $root::class, "\n";
$cls = "Square"; $obj = new $cls(2); echo $obj->area(), "\n";
$method = "area"; echo $obj->$method(), "\n";
$prop = "v"; echo $root->$prop, "\n";
echo call_user_func([$obj, 'area']), " ", call_user_func('Base::count'), " ", call_user_func([Base::class, 'count']), "\n";
