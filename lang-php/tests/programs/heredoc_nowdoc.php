<?php
$name = 'World';
$user = ['name' => 'Ann', 'tags' => ['a', 'b']];
$obj = new stdClass;
$obj->title = 'Dr';
$obj->inner = new stdClass;
$obj->inner->x = 5;
echo <<<EOT
Hello $name!
  Indented {$user['name']} with $user[name] and {$user['tags'][1]}
Object: $obj->title / {$obj->inner->x}
Escapes: \t tab \\ backslash \$notvar \x41 \101 \u{1F600}
EOT;
echo "\n";
echo <<<'RAW'
Raw $name {$user['name']} \t \\ stays
RAW;
echo "\n";
// closing marker indentation (PHP 7.3+) strips the indentation
function render($items) {
    $rows = '';
    foreach ($items as $k => $v) {
        $rows .= <<<ROW
            <li data-k="$k">$v</li>

            ROW;
    }
    return <<<HTML
        <ul>
        $rows</ul>
        HTML;
}
echo render(['x' => 1, 'y' => 2]), "\n";
$sql = <<<SQL
    SELECT *
      FROM t
     WHERE id = {$user['name']}
    SQL;
echo $sql, "\n";
$s = sprintf(<<<'F'
%s=%d
F, 'n', 3);
echo $s, "\n";
$arr = [<<<A
one
A, <<<B
two
B];
print_r($arr);
echo <<<X
  a
   b
 c
X;
echo "|\n";
$n = 3;
echo <<<"Q"
quoted heredoc $n\n
Q;
echo "end\n";
