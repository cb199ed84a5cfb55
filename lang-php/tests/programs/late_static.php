<?php
class Model {
    protected static $table = 'models';
    public static function create(array $attrs = []) { $m = new static(); foreach ($attrs as $k => $v) $m->$k = $v; return $m; }
    public static function table() { return static::$table; }
    public function describe() { return static::class . "@" . static::table() . "/" . self::$table; }
}
class User extends Model { protected static $table = 'users'; }
class Post extends Model { protected static $table = 'posts'; public static function create(array $attrs = []) { $p = parent::create($attrs); $p->kind = 'post'; return $p; } }
$u = User::create(['name' => 'ann']);
$p = Post::create(['title' => 'hi']);
echo get_class($u), " ", $u->name, " ", $u->describe(), "\n";
echo get_class($p), " ", $p->title, " ", $p->kind, " ", $p->describe(), "\n";
echo Model::table(), User::table(), Post::table(), "\n";
abstract class Singleton { private static $instances = []; public static function get() { $c = static::class; return self::$instances[$c] ??= new static(); } }
class Cfg extends Singleton { public $v = 1; }
class Log extends Singleton {}
Cfg::get()->v = 42;
echo Cfg::get()->v, " ", get_class(Log::get()), " ", Cfg::get() === Cfg::get() ? "same" : "diff", "\n";
class Par { public static function make() { return new self(); } public static function makeStatic() { return new static(); } }
class Chi extends Par {}
echo get_class(Chi::make()), " ", get_class(Chi::makeStatic()), "\n";
