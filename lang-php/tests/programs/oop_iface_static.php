<?php
interface Visitor { public function visitNum(Num $n); public function visitAdd(Add $a); public function visitMul(Mul $m); }
abstract class Expr { abstract public function accept(Visitor $v); }
class Num extends Expr { public function __construct(public int $v) {} public function accept(Visitor $v) { return $v->visitNum($this); } }
class Add extends Expr { public function __construct(public Expr $l, public Expr $r) {} public function accept(Visitor $v) { return $v->visitAdd($this); } }
class Mul extends Expr { public function __construct(public Expr $l, public Expr $r) {} public function accept(Visitor $v) { return $v->visitMul($this); } }
class Evaluator implements Visitor {
    public function visitNum(Num $n) { return $n->v; }
    public function visitAdd(Add $a) { return $a->l->accept($this) + $a->r->accept($this); }
    public function visitMul(Mul $m) { return $m->l->accept($this) * $m->r->accept($this); }
}
class Printer implements Visitor {
    public function visitNum(Num $n) { return (string)$n->v; }
    public function visitAdd(Add $a) { return "(" . $a->l->accept($this) . " + " . $a->r->accept($this) . ")"; }
    public function visitMul(Mul $m) { return $m->l->accept($this) . " * " . $m->r->accept($this); }
}
$e = new Mul(new Add(new Num(2), new Num(3)), new Num(4));
echo $e->accept(new Printer), " = ", $e->accept(new Evaluator), "\n";
class IdGen { private static int $next = 1; public static function next(): int { return self::$next++; } public static function reset(): void { static::$next = 1; } }
echo IdGen::next(), IdGen::next(), IdGen::next(); IdGen::reset(); echo IdGen::next(), "\n";
abstract class Animal { abstract public function sound(): string; public function speak(): string { return static::class . " says " . $this->sound(); } }
$animals = [new class extends Animal { public function sound(): string { return "woof"; } }, new class extends Animal { public function sound(): string { return "meow"; } }];
foreach ($animals as $a) echo str_contains($a->speak(), "says") ? $a->sound() : "?", " ";
echo "\n";
echo (new class { public $x = 5; })->x, "\n";
