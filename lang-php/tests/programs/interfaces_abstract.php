<?php
interface Comparable { public function compareTo($o): int; }
interface Printable extends Stringable { const FORMAT = "[%s]"; }
abstract class Entity implements Comparable, Printable {
    public function __construct(protected int $id) {}
    public function compareTo($o): int { return $this->id <=> $o->id; }
    public function __toString(): string { return sprintf(self::FORMAT, static::class . "#" . $this->id); }
    abstract public function kind(): string;
}
class User extends Entity { public function kind(): string { return "user"; } }
class Admin extends User { public function kind(): string { return "admin:" . parent::kind(); } }
$list = [new User(3), new Admin(1), new User(2)];
usort($list, fn($a, $b) => $a->compareTo($b));
foreach ($list as $e) echo $e, " ", $e->kind(), "\n";
var_dump($list[0] instanceof Comparable, $list[0] instanceof Printable, $list[0] instanceof Stringable, $list[1] instanceof Admin);
echo Printable::FORMAT, " ", Admin::FORMAT, "\n";
echo implode(",", class_implements_list($list[0])), "\n";
function class_implements_list($o) { $r = []; foreach (['Comparable', 'Printable', 'Countable'] as $i) if ($o instanceof $i) $r[] = $i; return $r; }
