<?php
class Bag {
    private array $data = [];
    public $real = 'r';
    public function __get($name) {
        echo "get $name\n";
        return $this->data[$name] ?? null;
    }
    public function __set($name, $value) {
        echo "set $name\n";
        $this->data[$name] = $value;
    }
    public function __isset($name) {
        return isset($this->data[$name]);
    }
    public function __unset($name) {
        echo "unset $name\n";
        unset($this->data[$name]);
    }
    public function __call($name, $args) {
        return "$name(" . implode(', ', $args) . ")";
    }
    public static function __callStatic($name, $args) {
        return "static $name/" . count($args);
    }
    public function __invoke($x) {
        return $x * 2;
    }
}
$b = new Bag;
$b->color = 'red';
echo $b->color, "\n";
echo $b->real, "\n";
var_dump(isset($b->color), isset($b->size));
unset($b->color);
var_dump(isset($b->color));
var_dump($b->missing);
echo $b->doThing(1, 2, 3), "\n";
echo Bag::build('x'), "\n";
echo $b(21), "\n";
echo implode(',', array_map($b, [1, 2, 3])), "\n";
var_dump(is_callable($b));

class Model {
    protected array $attrs = [];
    public function __call($m, $a) {
        if (str_starts_with($m, 'get')) return $this->attrs[lcfirst(substr($m, 3))] ?? null;
        if (str_starts_with($m, 'set')) { $this->attrs[lcfirst(substr($m, 3))] = $a[0]; return $this; }
        throw new BadMethodCallException("Method $m does not exist");
    }
}
$m = (new Model)->setName('Ann')->setAge(33);
echo $m->getName(), ' ', $m->getAge(), "\n";
try { $m->explode(); } catch (BadMethodCallException $e) { echo $e->getMessage(), "\n"; }

class Money {
    public function __construct(private int $cents) {}
    public function __toString(): string { return sprintf('$%d.%02d', intdiv($this->cents, 100), $this->cents % 100); }
}
$p = new Money(1234);
echo "Price: $p\n";
echo strlen($p), " ", str_repeat($p, 2), "\n";
