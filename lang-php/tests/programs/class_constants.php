<?php
class Color {
    const RED = 'red';
    const GREEN = 'green';
    public const ALL = [self::RED, self::GREEN];
    const DEFAULT = self::RED;
    private const SECRET = 42;
    public static function secret() { return self::SECRET; }
}
interface HasVersion { const VERSION = "1.0"; }
class Lib implements HasVersion { const FULL = "Lib v" . self::VERSION; }
echo Color::RED, " ", implode("/", Color::ALL), " ", Color::DEFAULT, " ", Color::secret(), "\n";
echo Lib::VERSION, " ", Lib::FULL, " ", HasVersion::VERSION, "\n";
$c = 'Color'; echo $c::GREEN, " ", constant('Color::RED'), "\n";
$obj = new Color; echo $obj::RED, "\n";
class Base { const NAME = 'base'; public function name() { return static::NAME . "/" . self::NAME; } }
class Derived extends Base { const NAME = 'derived'; }
echo (new Derived)->name(), " ", (new Base)->name(), "\n";
echo Color::class, " ", Derived::class, "\n";
try { echo Color::MISSING; } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { echo UNDEFINED_CONST; } catch (Error $e) { echo $e->getMessage(), "\n"; }
define('GREETING', 'hello'); echo GREETING, " ", defined('GREETING') ? 1 : 0, defined('NOPE') ? 1 : 0, "\n";
echo PHP_INT_SIZE, " ", M_PI > 3.14 ? "pi" : "", " ", PHP_EOL === "\n" ? "eol" : "", " ", E_ALL, "\n";
