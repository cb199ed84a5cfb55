<?php
// print_r, var_dump and var_export mark a value met again inside itself
// (an object holding itself, an array holding a reference to itself) as
// php does, and print deep but acyclic structures in full.
$o = new stdClass; $o->self = $o; $o->n = 1;
var_dump($o); print_r($o); echo "\n";
var_export($o); echo "\n";
$a = [1]; $a[1] = &$a; var_dump($a); print_r($a); echo "\n";
$b = new stdClass; $b->x = [$b]; var_dump($b); print_r($b); echo "\n";
$s = new stdClass; $s->a = new stdClass; $s->b = $s->a; var_dump($s); print_r($s); echo "\n";
class Node { public $children = []; public ?Node $parent = null; function __construct(public string $name) {} }
$root = new Node("root"); $kid = new Node("kid"); $kid->parent = $root; $root->children[] = $kid;
print_r($root); echo "\n"; var_dump($root);
$d = []; for ($i = 0; $i < 100; $i++) { $d = [$d]; }
echo md5(print_r($d, true)), " ", md5(var_export($d, true)), "\n";
ob_start(); var_dump($d); echo md5(ob_get_clean()), "\n";
var_export([1, [2, 'a' => true], new stdClass]); echo "\n";
