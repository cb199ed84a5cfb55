<?php
echo sprintf("[%6.2f] [%-6.1f] [%06.2f] [%+.1f] [%.0f] [%5.1f%%]", 3.14159, 2.5, -1.5, 3.0, 2.5, 45.678), "\n";
echo sprintf("[%5d] [%-5d] [%05d] [%x] [%o] [%c%c]", -42, 42, -42, -1, 64, 80, 72), "\n";
echo sprintf("%s %s %s", true, false, null), "|\n";
echo sprintf("%.3e | %E | %g | %G", 0.000123456, 123456789, 0.00001234, 1e20), "\n";
echo sprintf("%'#12s|%-'x12s|", "right", "left"), "\n";
echo vsprintf("%d-%02d-%02d", [2024, 3, 7]), "\n";
echo ucfirst(trim("  mixed Case  ")), "|", strtolower("ÀBC"), "|", str_word_count("Hello World again"), "\n";
echo substr_count("aaa", "aa"), " ", strpos("abcabc", "c", 3), " ", strrpos("abcabc", "b"), "\n";
echo str_pad(decbin(5), 8, "0", STR_PAD_LEFT), " ", strrev(strval(12345)), " ", strlen(str_repeat("ab", 50)), "\n";
echo implode(",", explode(" ", "  a  b  ")), "|\n";
echo ltrim("0012300", "0"), " ", rtrim("0012300", "0"), " ", trim("xxhixx", "x"), "\n";
echo strtr("äöü", ["ä" => "ae", "ö" => "oe", "ü" => "ue"]), "\n";
echo nl2br("line1\r\nline2"), "\n";
echo chunk_free("abcdefg", 3), "\n";
function chunk_free($s, $n) { return implode(" ", str_split($s, $n)); }
echo str_contains("", ""), str_starts_with("abc", ""), "\n";
echo ucwords("hello_world-foo bar", "_-"), "\n";
echo strcmp("apple", "Apple") > 0 ? "gt" : "le", " ", strcasecmp("apple", "APPLE"), "\n";
