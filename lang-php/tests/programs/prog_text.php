<?php
$text = "the quick brown fox jumps over the lazy dog the fox";
$words = explode(" ", $text);
$freq = array_count_values($words);
arsort($freq);
foreach (array_slice($freq, 0, 3, true) as $w => $c) printf("%-6s %d\n", $w, $c);
$lens = array_map('strlen', $words);
echo "avg len: ", round(array_sum($lens) / count($lens), 3), "\n";
echo ucwords($text), "\n";
echo implode(" ", array_map('strrev', $words)), "\n";
$caesar = fn($s, $k) => implode("", array_map(fn($c) => ctype_lower($c) ? chr((ord($c) - 97 + $k) % 26 + 97) : $c, str_split($s)));
echo $caesar("hello world", 3), " ", $caesar($caesar("hello world", 3), 23), "\n";
function isPalindrome($s) { $c = strtolower(preg_replace_free($s)); return $c === strrev($c); }
function preg_replace_free($s) { $r = ""; foreach (str_split($s) as $ch) if (ctype_alnum($ch)) $r .= $ch; return $r; }
foreach (["A man, a plan, a canal: Panama", "hello"] as $p) echo $p, ": ", isPalindrome($p) ? "yes" : "no", "\n";
$vowels = 0; foreach (str_split(strtolower($text)) as $ch) if (strpos("aeiou", $ch) !== false) $vowels++; echo "vowels: $vowels\n";
echo wordwrap("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.", 20, "\n", true), "\n";
echo str_pad("", 10, "=-"), "\n";
$table = [["Name", "Qty", "Price"], ["Apple", 3, 1.5], ["Banana", 12, 0.25]];
foreach ($table as $row) echo sprintf("| %-8s | %5s | %7s |", ...$row), "\n";
echo sprintf("%'-30s", ""), "\n";
$acronym = implode("", array_map(fn($w) => strtoupper($w[0]), explode(" ", "portable network graphics")));
echo $acronym, "\n";
echo count_chars_free("mississippi"), "\n";
function count_chars_free($s) { $c = []; foreach (str_split($s) as $ch) $c[$ch] = ($c[$ch] ?? 0) + 1; ksort($c); $o = ""; foreach ($c as $k => $v) $o .= "$k$v"; return $o; }
