<?php
$arr = ['key' => 'val', 3 => 'three', 'nested' => ['x' => 'deep']];
$obj = new stdClass;
$obj->prop = 'P';
$obj->o = new stdClass;
$obj->o->q = 'Q';
$i = 3;
$name = 'arr';
echo "simple: $arr[key] $arr[3] {$arr['key']} {$arr['nested']['x']}\n";
echo "object: $obj->prop {$obj->o->q} $obj->prop->x\n";
echo "index var: {$arr[$i]} $arr[$i]\n";
echo "dollar brace: ${name}\n";
echo "escaped: \$i \{$i} {\$i}\n";
echo "math-ish: {$i}0 $i.5\n";
$fn = fn($x) => $x * 2;
$items = ['a', 'b'];
echo "count: " . count($items) . " first: {$items[0]}\n";
echo 'single $i {$i}\n', "\n";
echo "unicode: \u{48}\u{49} octal: \110\111 hex: \x48\x49\n";
echo "neg index: $items[-1]" ?? '', "\n";
$str = "abc";
echo "str offset: $str[0]{$str[2]} {$str[-1]}\n";
$matrix = [[1, 2], [3, 4]];
echo "matrix: {$matrix[1][0]} $matrix[1]\n";
echo "method: {$obj->o->q}" . PHP_EOL;
class T { public $list = [1, 2, 3]; public static $s = 'stat'; const C = 'const'; function get() { return 'got'; } }
$t = new T;
echo "obj list: {$t->list[1]} method: {$t->get()}\n";
$heredoc = <<<TXT
  Name: {$obj->prop}
  Sum: {$fn(21)}
  TXT;
echo $heredoc, "\n";
