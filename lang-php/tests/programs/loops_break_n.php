<?php
// break N / continue N, alternative syntax, do-while
$grid = [[1, 2, 3], [4, -5, 6], [7, 8, 9]];
foreach ($grid as $r => $row) {
    foreach ($row as $c => $v) {
        if ($v < 0) {
            echo "negative at $r,$c\n";
            break 2;
        }
    }
}
for ($i = 0; $i < 4; $i++) {
    for ($j = 0; $j < 4; $j++) {
        if ($j == $i) continue 2;
        if ($i + $j > 4) break;
        echo "$i$j ";
    }
}
echo "\n";
$n = 0;
do {
    $n++;
    if ($n % 2) continue;
    echo $n, ' ';
} while ($n < 9);
echo "\n";
$i = 0;
while (true) {
    switch ($i++) {
        case 0: echo "zero "; break;
        case 1: echo "one "; continue 2;
        case 3: echo "three "; break 2;
        default: echo "other ";
    }
    echo "| ";
}
echo "\n";
for ($i = 0, $j = 10; $i < $j; $i += 3, $j -= 3) echo "[$i,$j]";
echo "\n";
for ($i = 0; $i < 3; $i++):
    echo $i;
endfor;
while ($i > 0):
    echo $i--;
endwhile;
foreach ([1, 2] as $v):
    if ($v == 1):
        echo 'one';
    elseif ($v == 2):
        echo 'two';
    else:
        echo 'many';
    endif;
endforeach;
switch (3):
    case 3:
        echo " three";
        break;
endswitch;
echo "\n";
$found = null;
$matrix = [[1, 2], [3, 4], [5, 6]];
for ($a = 0; $a < count($matrix); $a++) {
    for ($b = 0; $b < 2; $b++) {
        for ($c = 0; $c < 10; $c++) {
            if ($matrix[$a][$b] * $c == 12) { $found = [$a, $b, $c]; break 3; }
        }
    }
}
echo json_encode($found), "\n";
$k = 5;
while ($k--) { if ($k == 2) continue; echo $k; }
echo "\n";
// nested switch fallthrough
foreach (['a', 'b', 'c', 'd'] as $ch) {
    switch ($ch) {
        case 'a':
        case 'b':
            echo "$ch:ab ";
            // fall through
        case 'c':
            echo "$ch:c ";
            break;
        default:
            echo "$ch:default ";
    }
}
echo "\n";
