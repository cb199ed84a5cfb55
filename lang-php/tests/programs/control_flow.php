<?php
for ($i = 0; $i < 5; $i++) {
    if ($i == 2) continue;
    if ($i == 4) break;
    echo $i, " ";
}
echo "\n";
$i = 0;
while (true) { $i++; if ($i > 3) break; echo "w$i "; }
echo "\n";
do { echo "do$i "; $i--; } while ($i > 0);
echo "\n";
for ($i = 0; $i < 3; $i++) {
    for ($j = 0; $j < 3; $j++) {
        if ($j == 1) continue 2;
        if ($i == 2) break 2;
        echo "$i$j ";
    }
}
echo "\n";
$x = 3;
switch ($x) {
    case 1: echo "one\n"; break;
    case 3: echo "three\n";
    case 4: echo "four (fallthrough)\n"; break;
    default: echo "default\n";
}
switch ("apple") { case "banana": echo "no\n"; break; default: echo "fruit default\n"; }
echo match(true) { $x < 2 => "small", $x < 5 => "medium", default => "large" }, "\n";
$r = match($x) { 1, 2 => 'a', 3, 4 => 'b' };
echo $r, "\n";
if ($x > 5): echo "big\n"; elseif ($x > 2): echo "mid\n"; else: echo "small\n"; endif;
foreach ([1, 2] as $v): echo $v; endforeach; echo "\n";
$n = null;
echo $n ?? "default", "\n";
$n ??= "assigned"; echo $n, "\n";
echo $x ?: "zero", " ", 0 ?: "zero", "\n";
