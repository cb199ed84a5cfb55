<?php
// The constructs of Zend/micro_bench.php, at small N, printing results instead of timings.
function hallo() {}
function simpleucall($n) { for ($i = 0; $i < $n; $i++) hallo(); return $i; }
function simpleicall($n) { for ($i = 0; $i < $n; $i++) func_num_args(); return func_num_args(); }
class Foo {
    static $a = 0; public $b = 0; const TEST = 0;
    static function read_static($n) { for ($i = 0; $i < $n; ++$i) { $x = self::$a; } return $x; }
    static function write_static($n) { for ($i = 0; $i < $n; ++$i) { self::$a = $i; } return self::$a; }
    static function isset_static($n) { for ($i = 0; $i < $n; ++$i) { $x = isset(self::$a); } return $x; }
    static function empty_static($n) { for ($i = 0; $i < $n; ++$i) { $x = empty(self::$a); } return $x; }
    static function f() {}
    static function call_static($n) { for ($i = 0; $i < $n; ++$i) { self::f(); } return $i; }
    function read_prop($n) { for ($i = 0; $i < $n; ++$i) { $x = $this->b; } return $x; }
    function write_prop($n) { for ($i = 0; $i < $n; ++$i) { $this->b = $i; } return $this->b; }
    function assign_add_prop($n) { for ($i = 0; $i < $n; ++$i) { $this->b += 2; } return $this->b; }
    function pre_inc_prop($n) { for ($i = 0; $i < $n; ++$i) { ++$this->b; } return $this->b; }
    function post_dec_prop($n) { for ($i = 0; $i < $n; ++$i) { $this->b--; } return $this->b; }
    function isset_prop($n) { for ($i = 0; $i < $n; ++$i) { $x = isset($this->b); } return $x; }
    function empty_prop($n) { for ($i = 0; $i < $n; ++$i) { $x = empty($this->b); } return $x; }
    function g() { return 1; }
    function call($n) { $s = 0; for ($i = 0; $i < $n; ++$i) { $s += $this->g(); } return $s; }
    function read_const($n) { for ($i = 0; $i < $n; ++$i) { $x = $this::TEST; } return $x; }
}
function create_object($n) { for ($i = 0; $i < $n; ++$i) { $x = new Foo(); } return get_class($x); }
define('TEST', null);
function read_const($n) { for ($i = 0; $i < $n; ++$i) { $x = TEST; } return $x; }
function read_auto_global($n) { for ($i = 0; $i < $n; ++$i) { $x = $_GET; } return $x; }
$g_var = 7;
function read_global_var($n) { for ($i = 0; $i < $n; ++$i) { $x = $GLOBALS['g_var']; } return $x; }
function read_hash($n) { $hash = array('test' => 3); for ($i = 0; $i < $n; ++$i) { $x = $hash['test']; } return $x; }
function read_str_offset($n) { $str = "test"; for ($i = 0; $i < $n; ++$i) { $x = $str[1]; } return $x; }
function issetor($n) { $val = array(0, 1, 2); for ($i = 0; $i < $n; ++$i) { $x = $val ?: null; } return $x; }
function issetor2($n) { $f = false; $j = 0; for ($i = 0; $i < $n; ++$i) { $x = $f ?: $j + 1; } return $x; }
function ternary2($n) { $f = false; $j = 0; for ($i = 0; $i < $n; ++$i) { $x = $f ? $f : $j + 1; } return $x; }
const N = 300;
var_dump(simpleucall(N), simpleicall(N), Foo::read_static(N), Foo::write_static(N), Foo::isset_static(N), Foo::empty_static(N), Foo::call_static(N));
$x = new Foo();
var_dump($x->read_prop(N), $x->write_prop(N), $x->assign_add_prop(N), $x->pre_inc_prop(N), $x->post_dec_prop(N), $x->isset_prop(N), $x->empty_prop(N), $x->call(N), $x->read_const(N));
var_dump(create_object(N), read_const(N), read_auto_global(N), read_global_var(N), read_hash(N), read_str_offset(N), issetor(N), issetor2(N), ternary2(N));
echo gettype(hrtime(true)), " ", count(hrtime()), "\n";
