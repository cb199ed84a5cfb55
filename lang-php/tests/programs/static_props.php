<?php
class A { public static $v = 'A'; public static function get() { return static::$v; } public static function selfGet() { return self::$v; } }
class B extends A { public static $v = 'B'; }
echo A::get(), B::get(), B::selfGet(), "\n";
class Cnt { public static $n = 0; public static $list = []; }
Cnt::$n++; Cnt::$n += 5; Cnt::$list[] = 'x'; Cnt::$list['k'] = 'y';
echo Cnt::$n, " ", count(Cnt::$list), "\n";
class Cfg { const A = 1; const B = self::A + 1; const C = [self::A, self::B]; const D = 'str' . self::B; }
echo Cfg::B, " ", Cfg::D, " ", implode(",", Cfg::C), "\n";
class Ch extends Cfg { const A = 10; }
echo Ch::A, Ch::B, "\n";
class Math { public static function sq($x) { return $x * $x; } }
echo implode(",", array_map([Math::class, 'sq'], [1, 2, 3])), " ", implode(",", array_map('Math::sq', [4])), "\n";
define('MY_CONST', 123);
const OTHER = MY_CONST * 2;
echo MY_CONST, " ", OTHER, " ", defined('MY_CONST') ? 'y' : 'n', " ", constant('OTHER'), "\n";
class WithStatic { public function counter() { static $calls = 0; return ++$calls; } }
$w = new WithStatic; $w->counter(); echo $w->counter(), "\n";
