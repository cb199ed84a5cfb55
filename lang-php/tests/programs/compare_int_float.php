<?php
// int/float comparisons (php 8 compares them as doubles), NAN and INF, in
// a loop so that traces compare too.
$vals = [0, 1, -1, 4, 4.0, 4.5, -0.0, 0.0, 1e20, PHP_INT_MAX, 9007199254740993, 9007199254740992.0, NAN, INF, -INF];
for ($round = 0; $round < 3; $round++) {
    $out = '';
    foreach ($vals as $a) {
        foreach ($vals as $b) {
            $out .= ($a < $b ? '<' : '') . ($a <= $b ? 'l' : '') . ($a > $b ? '>' : '')
                . ($a >= $b ? 'g' : '') . ($a == $b ? '=' : '') . ($a != $b ? '!' : '')
                . ($a === $b ? 'I' : '') . ($a !== $b ? 'N' : '') . ' ';
        }
        $out .= "\n";
    }
    if ($round == 2) { echo $out; }
}
$n = 0;
for ($x = 0.0; $x < 100; $x += 0.5) { if ($x == 50) { $n += 1000; } $n++; }
echo $n, "\n";
