<?php
function bigAdd(string $a, string $b): string {
    $a = strrev($a); $b = strrev($b); $carry = 0; $r = '';
    for ($i = 0; $i < max(strlen($a), strlen($b)); $i++) {
        $s = (int)($a[$i] ?? 0) + (int)($b[$i] ?? 0) + $carry;
        $r .= $s % 10; $carry = intdiv($s, 10);
    }
    if ($carry) $r .= $carry;
    return strrev($r);
}
function bigMulSmall(string $a, int $m): string {
    $carry = 0; $r = '';
    for ($i = strlen($a) - 1; $i >= 0; $i--) { $p = (int)$a[$i] * $m + $carry; $r = ($p % 10) . $r; $carry = intdiv($p, 10); }
    while ($carry) { $r = ($carry % 10) . $r; $carry = intdiv($carry, 10); }
    return ltrim($r, '0') ?: '0';
}
$f = '1'; for ($i = 2; $i <= 30; $i++) $f = bigMulSmall($f, $i);
echo "30! = $f\n";
$a = '1'; $b = '1'; for ($i = 0; $i < 100; $i++) { [$a, $b] = [$b, bigAdd($a, $b)]; }
echo "fib(101) = $a\n";
echo 2 ** 62, " ", 2 ** 63, " ", 2 ** 64, " ", PHP_INT_MAX + PHP_INT_MAX, "\n";
echo 0.1 + 0.2, " ", floor(0.7 * 10 + 0.1 * 10), " ", 1e15 + 1, " ", 1e16 + 1, "\n";
var_dump(9223372036854775806 + 1, 9223372036854775807 + 1, -9223372036854775807 - 1, -9223372036854775807 - 2);
var_dump(PHP_INT_MAX * -1, intdiv(PHP_INT_MIN, -2), 5 % -3, -5 % 3, fmod(-5, 3));
