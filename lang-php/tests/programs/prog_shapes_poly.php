<?php
abstract class Shape {
    abstract public function area(): float;
    abstract public function perimeter(): float;
    public function __toString(): string { return sprintf("%-10s area=%8.3f perim=%8.3f", static::class, $this->area(), $this->perimeter()); }
    public static function compare(Shape $a, Shape $b): int { return $a->area() <=> $b->area(); }
}
class Circle extends Shape { public function __construct(private float $r) {} public function area(): float { return M_PI * $this->r ** 2; } public function perimeter(): float { return 2 * M_PI * $this->r; } }
class Rectangle extends Shape { public function __construct(protected float $w, protected float $h) {} public function area(): float { return $this->w * $this->h; } public function perimeter(): float { return 2 * ($this->w + $this->h); } }
class Square extends Rectangle { public function __construct(float $s) { parent::__construct($s, $s); } }
class Triangle extends Shape { public function __construct(private float $a, private float $b, private float $c) { if ($a + $b <= $c || $a + $c <= $b || $b + $c <= $a) throw new InvalidArgumentException("Invalid triangle: $a, $b, $c"); } public function area(): float { $s = $this->perimeter() / 2; return sqrt($s * ($s - $this->a) * ($s - $this->b) * ($s - $this->c)); } public function perimeter(): float { return $this->a + $this->b + $this->c; } }
$shapes = [new Circle(1.5), new Rectangle(2, 3.5), new Square(2), new Triangle(3, 4, 5)];
try { $shapes[] = new Triangle(1, 2, 10); } catch (InvalidArgumentException $e) { echo "Error: ", $e->getMessage(), "\n"; }
usort($shapes, [Shape::class, 'compare']);
foreach ($shapes as $s) echo $s, "\n";
printf("Total area: %.4f\n", array_reduce($shapes, fn($c, $s) => $c + $s->area(), 0));
$byType = [];
foreach ($shapes as $s) $byType[get_class($s)] = ($byType[get_class($s)] ?? 0) + 1;
ksort($byType); print_r($byType);
var_dump($shapes[0] instanceof Rectangle, $shapes[1] instanceof Shape);
