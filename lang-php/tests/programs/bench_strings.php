<?php
$s = '';
for ($i = 0; $i < 2000; $i++) { $s .= chr(97 + $i % 26); }
echo strlen($s), " ", substr_count($s, "abc"), " ", md5($s), "\n";
$words = [];
for ($i = 0; $i < 500; $i++) { $words[] = substr($s, $i % 50, 5 + $i % 7); }
$freq = array_count_values($words);
arsort($freq);
echo count($freq), " ", array_key_first($freq), " ", current($freq), "\n";
$joined = implode("|", array_slice($words, 0, 20));
echo strtoupper(substr($joined, 0, 40)), " ", crc32($joined), "\n";
$rev = ''; for ($i = strlen($joined) - 1; $i >= 0; $i--) $rev .= $joined[$i];
echo $rev === strrev($joined) ? "rev ok" : "rev bad", "\n";
echo str_pad(number_format(strlen($s) * 1234.5678, 2), 20, "*", STR_PAD_LEFT), "\n";
$csv = implode("\n", array_map(fn($i) => "$i," . ($i * $i) . "," . sqrt($i), range(1, 5)));
foreach (explode("\n", $csv) as $line) { [$a, $b, $c] = explode(",", $line); printf("%2d %3d %.4f\n", $a, $b, $c); }
