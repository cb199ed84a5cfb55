<?php
interface Shape { const SIDES = 0; public function area(): float; public function name(): string; }
interface HasPerimeter { public function perimeter(): float; }
abstract class Base implements Shape {
    public function name(): string { return static::class; }
    public function describe(): string {
        return sprintf("%s with area %.2f and %d sides", $this->name(), $this->area(), static::SIDES);
    }
    abstract public function scale(float $f): static;
}
class Rect extends Base implements HasPerimeter {
    const SIDES = 4;
    public function __construct(protected float $w, protected float $h) {}
    public function area(): float { return $this->w * $this->h; }
    public function perimeter(): float { return 2 * ($this->w + $this->h); }
    public function scale(float $f): static { return new static($this->w * $f, $this->h * $f); }
}
final class Square extends Rect {
    public function __construct(float $s) { parent::__construct($s, $s); }
    public function scale(float $f): static { return new static($this->w * $f); }
}
class Circle extends Base {
    public function __construct(private float $r) {}
    public function area(): float { return M_PI * $this->r ** 2; }
    public function scale(float $f): static { return new self($this->r * $f); }
}
$shapes = [new Rect(2, 3), new Square(2), new Circle(1), (new Square(1))->scale(3)];
foreach ($shapes as $s) {
    echo $s->describe(), "\n";
    if ($s instanceof HasPerimeter) echo "  perimeter ", $s->perimeter(), "\n";
}
usort($shapes, fn(Shape $a, Shape $b) => $a->area() <=> $b->area());
echo implode(', ', array_map(fn($s) => $s->name(), $shapes)), "\n";
var_dump($shapes[0] instanceof Shape, $shapes[0] instanceof Base, new Circle(1) instanceof HasPerimeter);
echo implode(',', class_implements(new Square(1))), "\n";
echo get_parent_class(new Square(1)), "\n";
try { $x = new Base(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { $x = new Shape(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
echo Rect::SIDES, Square::SIDES, Circle::SIDES, "\n";
