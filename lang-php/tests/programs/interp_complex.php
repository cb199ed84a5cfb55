<?php
class U { public $name = "Ann"; public $tags = ['x' => 'X']; public $child; function greet($p) { return "hi $p"; } static function st() { return "static"; } }
$u = new U; $u->child = new U; $u->child->name = "Kid";
$arr = ['a' => ['b' => ['c' => 'deep']], 'list' => [10, 20]];
$k = 'a';
echo "Name: $u->name, child: {$u->child->name}, tag: {$u->tags['x']}\n";
echo "Call: {$u->greet('Bob')} and {$arr['a']['b']['c']} and {$arr[$k]['b']['c']}\n";
echo "List: $arr[list] / {$arr['list'][1]}\n";
$n = 5; $price = 9.5;
echo "Total: {$n} x \$$price = " . $n * $price . "\n";
echo "Braces: {not a var} \{$n} {$n}s\n";
$fn = fn($x) => $x * 2;
echo "Fn: {$fn(21)}\n";
$obj = new stdClass; $obj->a = new stdClass; $obj->a->b = "nested";
echo "Nested: {$obj->a->b}\n";
echo "Simple prop then text: $u->name's\n";
$heredoc = <<<HTML
<div class="$k">
  {$u->greet("X")} - {$arr['list'][0]}
  \$escaped \\ backslash
</div>
HTML;
echo $heredoc, "\n";
printf("%s has %d items costing %01.2f\n", $u->name, count($arr['list']), array_sum($arr['list']) / 3);
$i = 3; echo "Index: {$arr['list'][$i - 2]}\n";
echo 'Single: $n {$n}', "\n";
$s = 'abc'; echo "Char: $s[1] {$s[2]}\n";
