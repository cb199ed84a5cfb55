<?php
mt_srand(42);
$xs = [];
for ($i = 0; $i < 10; $i++) $xs[] = mt_rand();
echo implode(' ', $xs), "\n";
mt_srand(42);
echo mt_rand(), "\n";
mt_srand(7);
for ($i = 0; $i < 10; $i++) echo mt_rand(1, 6), ' ';
echo "\n";
mt_srand(123);
for ($i = 0; $i < 5; $i++) echo rand(0, 100), ' ';
echo "\n";
srand(5);
for ($i = 0; $i < 5; $i++) echo rand(), ' ';
echo "\n";
mt_srand(99);
echo mt_rand(-1000, 1000), ' ', mt_rand(0, PHP_INT_MAX), ' ', mt_getrandmax(), ' ', getrandmax(), "\n";
// shuffle a deck deterministically
mt_srand(2024);
$deck = range(1, 10);
for ($i = count($deck) - 1; $i > 0; $i--) {
    $j = mt_rand(0, $i);
    [$deck[$i], $deck[$j]] = [$deck[$j], $deck[$i]];
}
echo implode(',', $deck), "\n";
// random walk
mt_srand(1);
$pos = 0;
for ($i = 0; $i < 1000; $i++) $pos += mt_rand(0, 1) ? 1 : -1;
echo $pos, "\n";
// Monte Carlo estimate with a fixed seed
mt_srand(3);
$in = 0;
for ($i = 0; $i < 20000; $i++) {
    $x = mt_rand() / mt_getrandmax();
    $y = mt_rand() / mt_getrandmax();
    if ($x * $x + $y * $y <= 1) $in++;
}
echo round(4 * $in / 20000, 4), "\n";
