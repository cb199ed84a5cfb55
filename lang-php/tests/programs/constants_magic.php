<?php
namespace_free_demo();
function namespace_free_demo() {
    echo __FUNCTION__, ' ', __LINE__, "\n";
}
define('APP_NAME', 'demo');
define('VERSION', 1.5);
const MAX_ITEMS = 10;
const LIST_C = ['a', 'b'];
const DERIVED = MAX_ITEMS * 2 . '!';
echo APP_NAME, ' ', VERSION, ' ', MAX_ITEMS, ' ', LIST_C[1], ' ', DERIVED, "\n";
var_dump(defined('APP_NAME'), defined('NOPE'), constant('MAX_ITEMS'));
class Config {
    const DEFAULT_PORT = 8080;
    const HOSTS = ['primary' => 'a.example', 'backup' => 'b.example'];
    const URL = 'http://' . self::HOSTS['primary'] . ':' . self::DEFAULT_PORT;
    public function where() { return __CLASS__ . '::' . __FUNCTION__ . ' / ' . __METHOD__; }
    public static function cls() { return static::class; }
}
class Sub extends Config { const DEFAULT_PORT = 9090; }
echo Config::URL, ' ', Sub::DEFAULT_PORT, ' ', Sub::URL, "\n";
echo (new Config)->where(), "\n";
echo Sub::cls(), ' ', Config::class, "\n";
echo constant('Config::DEFAULT_PORT'), "\n";
echo basename(__FILE__), ' ', basename(__DIR__) !== '' ? 'dir' : 'nodir', "\n";
try {
    echo constant('UNDEFINED_THING');
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    echo UNDEFINED_BARE;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo PHP_EOL === "\n" ? "eol ok" : "eol?", ' ', PHP_VERSION >= '8.0' ? 'php8' : 'old', ' ', PHP_MAJOR_VERSION, ' ', M_PI, ' ', PHP_OS_FAMILY, "\n";
var_dump(E_ALL, E_WARNING, SORT_STRING, COUNT_RECURSIVE, JSON_PRETTY_PRINT, PHP_ROUND_HALF_UP, STR_PAD_BOTH);
$fn = function () { return __FUNCTION__; };
echo $fn(), "\n";
echo DIRECTORY_SEPARATOR, ' ', PATH_SEPARATOR, "\n";
define('LATE', strtoupper('computed'));
echo LATE, "\n";
