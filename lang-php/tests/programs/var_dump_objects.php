<?php
class Pt { public $x = 1; protected $y = 2; private $z = 3; public $arr = ['a' => [1, 2]]; public ?Pt $next = null; }
$a = new Pt;
$b = new Pt;
$b->next = $a;
var_dump($a, $b);
$o = new stdClass; $o->list = [1, 2.5, "s", null, false]; $o->self = 5;
var_dump($o);
var_dump([[]], [1 => [2 => [3 => 'deep']]]);
