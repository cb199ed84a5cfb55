<?php
// int <=> string comparisons (php 8: numerically when the string is
// numeric, as strings otherwise), in a loop so that traces compare too.
$strs = ['9', ' 9', '9 ', '9.5', '1e1', '-3', '.5', 'abc', '', '0x1A', '10abc', '1e999', '007', '+4', ' ', '9.0'];
$ints = [0, 9, 10, -3, 4, 7, -100];
for ($round = 0; $round < 3; $round++) {
    $line = '';
    foreach ($strs as $s) {
        foreach ($ints as $i) {
            $line .= ($i < $s ? '<' : '') . ($i <= $s ? 'l' : '') . ($i > $s ? '>' : '')
                . ($i >= $s ? 'g' : '') . ($i == $s ? '=' : '') . ($i != $s ? '!' : '')
                . ($s < $i ? 'L' : '') . ($s == $i ? 'E' : '') . ' ';
        }
        $line .= "\n";
    }
    if ($round == 0) { echo $line; }
}
$n = '1000';
$count = 0;
for ($i = 0; $i < $n; $i++) { if ($i == '500') { $count += 100; } $count++; }
echo $count, "\n";
