<?php
for ($i = 0, $j = 10; $i < $j; $i += 3, $j -= 3) echo "$i-$j ";
echo "\n";
for (;;) { static $k = 0; if (++$k > 3) break; echo $k; }
echo "\n";
$list = ['a', 'b', 'c'];
while (list(, $v) = [0, array_shift($list)] and $v !== null) echo $v;
echo "\n";
$n = 0; do { $n++; if ($n == 2) continue; echo $n; } while ($n < 4);
echo "\n";
foreach ([] as $x) echo "never";
foreach ([1, 2, 3] as $x) { if ($x == 2) { continue; } echo $x; }
echo "\n";
$arr = ['x' => ['y' => ['z' => 1]]];
foreach ($arr as $k1 => $lvl1) foreach ($lvl1 as $k2 => $lvl2) foreach ($lvl2 as $k3 => $val) echo "$k1.$k2.$k3=$val\n";
$i = 0;
while (true): $i++; if ($i >= 3) break; echo "alt$i "; endwhile;
echo "\n";
for ($i = 0; $i < 3; $i++): echo $i; endfor;
echo "\n";
switch (3): case 3: echo "alt-switch\n"; break; endswitch;
$total = 0;
foreach (range(1, 100) as $v) { if ($v % 3 && $v % 5) continue; $total += $v; }
echo $total, "\n";
$gen = [1, 2, 3];
foreach ($gen as $k => $v) { if ($k == 0) { unset($gen[1]); } echo $v; }
echo " ", count($gen), "\n";
