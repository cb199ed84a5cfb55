<?php
// String array keys at the edges of php's decimal-int rule (i64 range, signs, zeros).
$a = [];
foreach (["-9223372036854775808", "9223372036854775807", "-9223372036854775809", "0", "-0", "00", "-", "", "12a", "-12", "1e3"] as $k) { $a[$k] = 1; }
var_dump($a);
