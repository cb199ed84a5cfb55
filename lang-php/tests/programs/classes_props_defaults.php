<?php
class Config {
    public array $items = [];
    public ?string $name = null;
    public int $count = 0;
    public float $ratio = 1.5;
    public bool $enabled = true;
    public $untyped;
    protected static array $registry = ['default' => 1];
    const DEFAULTS = ['a' => 1, 'b' => [2, 3]];
    public array $copy = self::DEFAULTS;
    public function add(string $k, $v): static { $this->items[$k] = $v; $this->count++; return $this; }
    public static function register(string $k): void { static::$registry[$k] = count(static::$registry) + 1; }
    public static function registry(): array { return self::$registry; }
}
$c = new Config;
$c->add('x', 1)->add('y', [1, 2]);
var_dump($c);
$d = new Config;
var_dump($d->items, $d->untyped, $d->copy['b'][1]);
Config::register('extra');
print_r(Config::registry());
$d->copy['b'][] = 4;
echo json_encode(Config::DEFAULTS), " ", json_encode($d->copy), "\n";
