<?php
class Node {
    public $value;
    public $children = [];
    protected $meta = ['k' => 1.0];
    private $secret = null;
    public function __construct($v) { $this->value = $v; }
}
$root = new Node(1.5);
$root->children[] = new Node(-0.0);
$root->children[] = new Node([1, 'two' => [3.25, true, null]]);
$data = [
    'ints' => [0, -1, PHP_INT_MAX, PHP_INT_MIN],
    'floats' => [0.1, 1e100, -1.5e-7, 100.0, 1/3, NAN, INF, -INF, 2.0 ** 53],
    'strings' => ['', "multi\nline", 'quote\'s', "back\\slash"],
    'nested' => ['a' => ['b' => ['c' => []]]],
    'bools' => [true, false],
    'obj' => $root,
    7 => 'seven',
    '08' => 'string key',
];
var_dump($data);
print_r($data);
echo "\n";
var_export($data['ints']);
echo "\n";
var_export($data['strings']);
echo "\n";
var_export($data['nested']);
echo "\n";
var_export([1.0, 0.5, -0.0, 1e20, 123456789012345678.0]);
echo "\n";
var_export($root);
echo "\n";
$empty = new stdClass;
var_export($empty);
echo "\n";
$o = new stdClass;
$o->list = [1, 2];
$o->{'weird key'} = 'v';
var_dump($o);
print_r($o);
echo "\n";
echo print_r([1, [2]], true);
var_dump(1.0, 0.30000000000000004, -123.0, 1e-10, 3e22);
var_export(false); echo "\n";
var_export(null); echo "\n";
var_export("a'b\\c"); echo "\n";
