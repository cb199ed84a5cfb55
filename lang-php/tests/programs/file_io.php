<?php
$dir = sys_get_temp_dir() . '/polyvm_php_test_fileio';
@mkdir($dir);
$f = "$dir/data.txt";
$bytes = file_put_contents($f, "line one\nline two\n");
echo "wrote $bytes bytes\n";
file_put_contents($f, "line three\n", FILE_APPEND);
echo file_get_contents($f);
print_r(file($f, FILE_IGNORE_NEW_LINES));
var_dump(file_exists($f), is_file($f), is_dir($dir), filesize($f));
$h = fopen($f, 'r');
$n = 0;
while (($line = fgets($h)) !== false) {
    $n++;
    echo $n, ': ', rtrim($line), "\n";
}
var_dump(feof($h));
fclose($h);
$h = fopen("$dir/out.csv", 'w');
foreach ([['id', 'name'], [1, 'Ann'], [2, 'Bob']] as $row) fwrite($h, implode(',', $row) . "\n");
fclose($h);
echo file_get_contents("$dir/out.csv");
$rows = array_map(fn($l) => explode(',', $l), file("$dir/out.csv", FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES));
echo count($rows), ' rows, last name ', end($rows)[1], "\n";
$json = json_encode(['saved' => true, 'n' => 3]);
file_put_contents("$dir/c.json", $json);
var_dump(json_decode(file_get_contents("$dir/c.json"), true));
unlink($f); unlink("$dir/out.csv"); unlink("$dir/c.json");
var_dump(file_exists($f));
rmdir($dir);
var_dump(@file_get_contents("$dir/missing.txt"));
echo "end\n";
