<?php
var_dump("123" + 0, "12.5" + 0, "1e2" + 0, " 42" + 0, "42 " + 0, "0x1A" == 26, "0b11" == 3);
var_dump("abc" <=> "abd", "10" <=> "9", "10" <=> "9a", 10 <=> "9a", "1e1" <=> "10");
var_dump(is_numeric("0x1A"), is_numeric(".5"), is_numeric("5."), is_numeric("-5"), is_numeric("+5"), is_numeric("1e"), is_numeric(" "));
var_dump((int)"  12", (int)"1e3", (float)".5", (int)"-0", (float)"-0", intval("  -42abc"), (int)"9999999999999999999");
var_dump("5" == "5.0", "5" === "5.0", "abc" == "ABC", "1" == " 1", "1" == "1 ", null == "", "0" == false, "" == false, "0.0" == false);
$a = "5"; $a += 2; var_dump($a);
$b = "5"; $b .= 2; var_dump($b);
$c = "1.5"; $c *= 2; var_dump($c);
$d = 7; $d /= 2; var_dump($d);
$e = 2; $e **= 10; var_dump($e);
$f = 17; $f %= 5; var_dump($f);
$g = 5; $g <<= 2; $g |= 1; $g &= 0xF; $g ^= 3; var_dump($g);
var_dump(PHP_INT_MAX + 1 == PHP_INT_MAX, 0.1 + 0.2 <=> 0.3, -0.0 == 0.0, 1 <=> NAN);
