<?php
class Address { public function __construct(public string $city) {} }
class Person {
    public array $tags = [];
    public ?Person $friend = null;
    private static int $created = 0;
    public int $id;
    public function __construct(public string $name, public Address $addr) { $this->id = ++self::$created; }
    public function __clone() {
        $this->addr = clone $this->addr;   // deep copy
        $this->id = ++self::$created;
    }
}
$a = new Person('Ann', new Address('Oslo'));
$a->tags[] = 'x';
$b = clone $a;
$b->name = 'Bea';
$b->addr->city = 'Rome';
$b->tags[] = 'y';
echo "$a->name {$a->addr->city} ", implode(',', $a->tags), " id=$a->id\n";
echo "$b->name {$b->addr->city} ", implode(',', $b->tags), " id=$b->id\n";
$a->friend = $b;
$c = clone $a;
var_dump($c->friend === $b, $c === $a, $c == $a, $c->addr == $a->addr, $c->addr === $a->addr);
$o1 = new stdClass; $o1->v = 1;
$o2 = $o1;             // handle copy
$o2->v = 2;
$o3 = clone $o1;
$o3->v = 3;
echo $o1->v, $o2->v, $o3->v, "\n";
function mutate(stdClass $o) { $o->v = 'mutated'; $o = new stdClass; $o->v = 'replaced'; }
mutate($o1);
echo $o1->v, "\n";
$arr = ['obj' => $o1];
$copy = $arr;
$copy['obj']->v = 'through copy';
echo $o1->v, "\n";
class Immutable {
    public function __construct(public readonly array $items) {}
    public function with(string $item): static { return new static([...$this->items, $item]); }
}
$i1 = new Immutable(['a']);
$i2 = $i1->with('b');
echo count($i1->items), count($i2->items), "\n";
var_dump($a instanceof Person, spl_object_id($a) !== spl_object_id($b));
