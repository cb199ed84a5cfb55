<?php
class Animal {
    protected string $name;
    public static int $count = 0;
    const KINGDOM = "Animalia";
    public function __construct(string $name) { $this->name = $name; self::$count++; static::$count; }
    public function speak(): string { return "{$this->name} makes a sound"; }
    public function getName() { return $this->name; }
    public static function create($n) { return new static($n); }
    public function __toString(): string { return "Animal({$this->name})"; }
}
class Dog extends Animal {
    public function speak(): string { return "{$this->name} barks; parent says: " . parent::speak(); }
}
abstract class Shape { abstract public function area(): float; public function describe() { return static::class . " with area " . number_format($this->area(), 2); } }
class Circle extends Shape { public function __construct(private float $r) {} public function area(): float { return M_PI * $this->r ** 2; } }
class Rect extends Shape { public function __construct(public float $w = 1, public float $h = 2) {} public function area(): float { return $this->w * $this->h; } }
interface HasId { const PREFIX = "id_"; public function id(); }
trait Greets { public function greet() { return "Hello from " . get_class($this) . " " . $this->id(); } }
class User implements HasId { use Greets; public function id() { return self::PREFIX . "42"; } }

$d = new Dog("Rex");
echo $d->speak(), "\n";
echo $d, "\n";
echo Animal::$count, " ", Dog::KINGDOM, " ", $d::KINGDOM, "\n";
$a = Animal::create("Cat"); echo get_class($a), " ", Dog::create("Pup")->getName(), " ", Animal::$count, "\n";
$shapes = [new Circle(1), new Rect(2, 3), new Rect()];
foreach ($shapes as $s) echo $s->describe(), "\n";
$u = new User; echo $u->greet(), "\n";
var_dump($d instanceof Animal, $d instanceof Dog, $a instanceof Dog, $u instanceof HasId);
$r = new Rect(3, 4);
print_r($r);
$r2 = clone $r; $r2->w = 10; echo $r->w, " ", $r2->w, "\n";
$o = new stdClass; $o->a = 1; $o->b = [1, 2]; print_r($o);
echo get_parent_class($d), " ", method_exists($d, 'speak') ? 'y' : 'n', " ", property_exists('Rect', 'w') ? 'y' : 'n', "\n";
class Magic {
    private $data = [];
    public function __get($n) { echo "get $n\n"; return $this->data[$n] ?? null; }
    public function __set($n, $v) { echo "set $n\n"; $this->data[$n] = $v; }
    public function __isset($n) { return isset($this->data[$n]); }
    public function __call($m, $args) { return "$m(" . implode(",", $args) . ")"; }
    public static function __callStatic($m, $args) { return "static $m"; }
    public function __invoke($x) { return $x * 2; }
}
$m = new Magic; $m->foo = 5; echo $m->foo, "\n"; var_dump(isset($m->foo), isset($m->bar));
echo $m->doThing(1, 2), " ", Magic::other(), " ", $m(21), "\n";
