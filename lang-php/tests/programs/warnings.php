<?php
echo $nope, "\n";
$a = [1, 2];
echo $a[5], "|", $a["k"], "\n";
$o = new stdClass;
echo $o->missing, "\n";
$n = null;
echo $n[1], "|\n";
echo "5 apples" + 3, "\n";
$s = "abc"; echo $s[10], "|\n";
echo [1] . "", "\n";
function f($a, $b) { return $a; }
try { f(1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
echo "end\n";
