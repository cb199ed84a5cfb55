<?php
abstract class Model {
    protected static array $registry = [];
    protected static string $table = 'models';
    public static function create(array $attrs): static {
        $m = new static();
        foreach ($attrs as $k => $v) $m->$k = $v;
        static::$registry[static::class][] = $m;
        return $m;
    }
    public static function table(): string { return static::$table; }
    public static function count(): int { return count(static::$registry[static::class] ?? []); }
    public function describe(): string { return sprintf('%s(%s) in %s', static::class, json_encode(get_object_vars($this)), static::table()); }
    public static function selfTable(): string { return self::$table; }
}
class User extends Model { protected static string $table = 'users'; public $name; }
class Admin extends User { protected static string $table = 'admins'; public $level = 1;
    public function describe(): string { return 'ADMIN ' . parent::describe(); } }
class Post extends Model { public $title; }
User::create(['name' => 'ann']);
User::create(['name' => 'bob']);
$a = Admin::create(['name' => 'root', 'level' => 9]);
$p = Post::create(['title' => 'Hello']);
echo User::count(), Admin::count(), Post::count(), "\n";
echo User::table(), ' ', Admin::table(), ' ', Post::table(), ' ', Admin::selfTable(), "\n";
echo $a->describe(), "\n";
echo $p->describe(), "\n";
class Counter {
    public static int $n = 0;
    public static function inc(): int { return ++static::$n; }
}
class SubCounter extends Counter {}
Counter::inc(); SubCounter::inc();
echo Counter::$n, SubCounter::$n, "\n";
class Redeclared extends Counter { public static int $n = 100; }
Redeclared::inc();
echo Counter::$n, ' ', Redeclared::$n, "\n";
$cls = 'Admin';
echo $cls::table(), ' ', (new $cls)->level, "\n";
echo get_parent_class($a), ' ', implode(',', array_map(fn($o) => $o::class, [$a, $p])), "\n";
var_dump($a instanceof User, $a instanceof Model, is_a($a, 'Model'), is_subclass_of($a, 'User'), is_subclass_of($a, 'Admin'));
