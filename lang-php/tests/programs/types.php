<?php
$vals = [1, 1.5, "s", true, null, [1], new stdClass];
foreach ($vals as $v) echo gettype($v), " ", var_export(is_int($v), true), var_export(is_float($v), true), var_export(is_string($v), true), var_export(is_bool($v), true), var_export(is_null($v), true), var_export(is_array($v), true), var_export(is_object($v), true), "\n";
var_dump(is_numeric("12"), is_numeric("12.5"), is_numeric("1e3"), is_numeric("abc"), is_numeric(" 12"), is_numeric("12 "), is_numeric(""));
var_dump(intval("42abc"), floatval("1.5e3"), strval(3.0), boolval("0"), intval(true), intval(null), intval([0]));
$x = "123"; settype($x, "integer"); var_dump($x);
$y = 5; settype($y, "string"); var_dump($y);
var_dump((array)"str", (array)null, (object)['a' => 1]);
var_export([1, 'a' => [true, null], 'f' => 1.0, 's' => "it's"]); echo "\n";
var_export(1.5); echo "\n"; var_export("x\\y"); echo "\n"; var_export(false); echo "\n";
var_export(new stdClass); echo "\n";
class Pt { public $x = 1; protected $y = 2; private $z = 3; }
var_export(new Pt); echo "\n";
print_r(new Pt); echo "\n";
echo get_debug_type(1), get_debug_type("a"), get_debug_type(null), get_debug_type(new Pt), get_debug_type(1.5), "\n";
var_dump(1 + "1", "2" * "3", "1.5" + 1, 10 . "", "3" . 4);
var_dump(0 == "a", "1" == "01", "10" == "1e1", 100 == "1e2", "abc" == 0, null == 0, null === null, "" == null, [] == false);
