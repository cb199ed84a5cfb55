<?php
$csv = "name,age\nalice,30\nbob,25";
$rows = array_map(fn($l) => explode(",", $l), explode("\n", $csv));
$hdr = array_shift($rows);
foreach ($rows as $r) { $rec = array_combine($hdr, $r); echo "{$rec['name']} is {$rec['age']}\n"; }
echo str_pad("Name", 10) . "|" . str_pad("Qty", 5, " ", STR_PAD_LEFT) . "|\n";
foreach ([["apple", 3], ["kiwi", 12]] as [$n, $q]) printf("%-10s|%5d|\n", $n, $q);
printf("[%'.10d] [%-10s] [%10.3f] [%05s]\n", 42, "left", 3.14159, "ab");
echo sprintf("%08.3f", -3.14159), " ", sprintf("%5.1e", 12345.678), " ", sprintf("%d%%", 50), "\n";
$s = "The quick brown fox";
echo ucwords($s), " | ", strrev($s), " | ", str_word_count($s), " | ", substr_count($s, "o"), "\n";
echo implode(",", str_split("abcdefgh", 3)), "\n";
echo strtoupper(substr("hello", 0, 1)) . substr("hello", 1), "\n";
$str = "a-b_c d";
echo str_replace(['-', '_', ' '], '', $str), " ", strlen($str), "\n";
echo trim("  \t\nx \n"), "|", rtrim("1.500", "0"), "|", rtrim("xxayy", "y"), "\n";
echo nl2br("l1\nl2"), "\n";
echo sprintf("%s", 1.0), " ", 1.0, " ", 2.50, " ", "7.0" + 0, " ", 1e3, "\n";
echo strval(0.1 + 0.2), " ", (string)(1/7), " ", 1.23456789012345678, "\n";
echo str_repeat("-", 20), "\n";
echo lcfirst("Hello"), ucfirst("élan"), "\n";
$count = 0; $r = str_replace("a", "b", "banana", $count); echo "$r $count\n";
echo "Multiple: " . 1 + 2 . "\n";
echo "abc" <=> "abd", " ", "b" <=> "a", "\n";
echo strncmp("abcd", "abcf", 3), " ", strnatcmp("img12", "img10"), " ", strnatcasecmp("A1", "a2"), "\n";
echo htmlspecialchars("a & b < c"), "\n";
echo addslashes("O'Re\"il"), "\n";
echo bin2hex("abc"), " ", dechex(48879), "\n";
$x = "z"; $x++; echo $x, " "; $y = "Az"; $y++; echo $y, " "; $z = "a9"; $z++; echo $z, "\n";
