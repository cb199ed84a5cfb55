<?php
trait Greets {
    public $greeting = 'Hello';
    public function greet() { return "$this->greeting from " . static::class . " (" . $this->name() . ")"; }
    abstract public function name(): string;
    public static function make(...$a) { return new static(...$a); }
}
trait Counts {
    private static int $count = 0;
    public static function inc() { return ++self::$count; }
}
trait Loud {
    public function greet() { return strtoupper("hi!"); }
    public function whisper() { return "psst"; }
}
class Person {
    use Greets, Loud {
        Greets::greet insteadof Loud;
        Loud::greet as shout;
        whisper as protected quiet;
    }
    use Counts;
    public function __construct(private string $n = 'anon') {}
    public function name(): string { return $this->n; }
    public function secret() { return $this->quiet(); }
}
class Robot { use Counts; }
$p = Person::make('Ann');
echo $p->greet(), "\n";
echo $p->shout(), "\n";
echo $p->secret(), "\n";
echo Person::inc(), Person::inc(), Robot::inc(), "\n";
print_r(class_uses($p));
var_dump(method_exists($p, 'whisper'));
try {
    $p->quiet();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
trait Cmp {
    public function compareTo($o): int { return $this->value() <=> $o->value(); }
}
final class Version {
    use Cmp;
    public function __construct(private int $v) {}
    public function value() { return $this->v; }
}
$vs = [new Version(3), new Version(1), new Version(2)];
usort($vs, fn($a, $b) => $a->compareTo($b));
echo implode(' ', array_map(fn($v) => $v->value(), $vs)), "\n";
