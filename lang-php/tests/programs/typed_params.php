<?php
function add(int $a, int $b): int { return $a + $b; }
function ratio(float $x): float { return $x / 2; }
function label(?string $s = null): string { return $s ?? '(none)'; }
function first(array $xs) { return $xs[0] ?? null; }
class Point { public function __construct(public int $x = 0, public int $y = 0) {} }
function norm1(Point $p): int { return abs($p->x) + abs($p->y); }
function either(int|string $v): string { return gettype($v); }

echo add(2, 3), "\n";
echo add("4", 5), "\n";       // numeric string coerced in weak mode
echo ratio(3), "\n";          // int to float
var_dump(ratio("1.5"));
echo label(), " ", label("x"), "\n";
echo norm1(new Point(-3, 4)), "\n";
echo either(5), " ", either("5"), "\n";
var_dump(add(1.0, 2));        // integral float accepted

$bad = [
    fn() => add("four", 1),
    fn() => add([], 1),
    fn() => first("str"),
    fn() => norm1(new stdClass),
    fn() => norm1(null),
    fn() => label(new Point),
    fn() => add(1.5, 1),
    fn() => either(null),
];
foreach ($bad as $i => $f) {
    try {
        $f();
        echo "$i: no error\n";
    } catch (TypeError $e) {
        echo "$i: ", explode(', called in', $e->getMessage())[0], "\n";
    }
}
function ret(): int { return "nope"; }
try { ret(); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
