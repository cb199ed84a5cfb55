<?php
$name = "World"; $arr = ['a' => 1, 'b' => ['c' => 2], 3 => 'three']; $obj = new stdClass; $obj->p = "prop";
$list = [10, 20, 30];
echo "Hello $name!\n";
echo "Hello {$name}s\n";
echo "Arr: $arr[a] {$arr['b']['c']} $arr[3] $list[1]\n";
echo "Obj: $obj->p {$obj->p}\n";
echo "Escapes: \t tab \\ backslash \$name \x41 \101 \u{263A}\n";
$h = <<<EOT
  Heredoc $name
    indented {$arr['a']}
  end
  EOT;
echo $h, "\n";
$n = <<<'EOT'
Nowdoc $name {$x}
EOT;
echo $n, "\n";
echo "${name}\n";
$i = 5;
echo "val: {$i}th\n";
