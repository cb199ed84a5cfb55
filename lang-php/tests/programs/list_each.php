<?php
$pairs = [[1, 'one'], [2, 'two']];
foreach ($pairs as [$num, $word]) echo "$num=$word ";
echo "\n";
foreach ([['id' => 1, 'tags' => ['a', 'b']]] as ['id' => $id, 'tags' => [$t1, $t2]]) echo "$id $t1 $t2\n";
list('a' => $a, 'b' => list($b1, $b2)) = ['a' => 'A', 'b' => ['B1', 'B2']];
echo "$a $b1 $b2\n";
[$x, $y] = [$y ?? 1, $x ?? 2];
echo "$x $y\n";
$arr = [3, 1, 2];
[$arr[0], $arr[2]] = [$arr[2], $arr[0]];
echo implode(",", $arr), "\n";
$info = ['coffee', 'brown', 'caffeine'];
list($drink, , $power) = $info;
echo "$drink is $power\n";
