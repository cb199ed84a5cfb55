<?php
mt_srand(2024);
$queue = []; $served = 0; $waits = [];
for ($t = 0; $t < 50; $t++) {
    if (mt_rand(1, 10) <= 4) $queue[] = $t;
    if ($queue && mt_rand(1, 10) <= 5) { $arr = array_shift($queue); $waits[] = $t - $arr; $served++; }
}
echo "served=$served left=", count($queue), " maxwait=", $waits ? max($waits) : 0, " avg=", $waits ? round(array_sum($waits) / count($waits), 2) : 0, "\n";
$dice = array_fill(1, 6, 0);
for ($i = 0; $i < 600; $i++) $dice[mt_rand(1, 6)]++;
echo implode(" ", $dice), "\n";
$deck = []; foreach (['H', 'D', 'C', 'S'] as $s) foreach (range(1, 13) as $r) $deck[] = "$r$s";
shuffle($deck);
echo implode(",", array_slice($deck, 0, 5)), "\n";
echo mt_rand(5, 5), " ", mt_rand(-10, -5), " ", mt_rand(0, PHP_INT_MAX) > 0 ? "pos" : "zero", "\n";
$r = array_rand(['a' => 1, 'b' => 2, 'c' => 3, 'd' => 4], 2); echo implode(",", $r), "\n";
echo str_shuffle("abcdef"), "\n";
