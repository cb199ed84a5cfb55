<?php
$max = PHP_INT_MAX;
var_dump($max + 1, $max * 2, -$max - 1, -$max - 2, PHP_INT_MIN, PHP_INT_SIZE);
var_dump($max + 1 == (float) $max, 9223372036854775807 + 0, 9223372036854775808);
var_dump(2 ** 62, 2 ** 63, 2 ** 64, (-2) ** 63, 2 ** -1, 0 ** 0, 10 ** 20);
var_dump(intdiv(PHP_INT_MIN, -1 + 2), 7 % -3, -7 % 3, fmod(-7, 3), 7 <=> 3.5);
try { intdiv(PHP_INT_MIN, -1); } catch (ArithmeticError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
var_dump(PHP_INT_MIN % -1);
$f = 1;
for ($i = 1; $i <= 25; $i++) { $f *= $i; if ($i >= 19) var_dump($f); }
$x = PHP_INT_MAX; $x++; var_dump($x);
$y = PHP_INT_MIN; $y--; var_dump($y);
var_dump((int) 1e19, (int) -1e19, (int) NAN, (int) '9999999999999999999', (int) 12.9, (int) -12.9, (int) '0x1A', (int) ' 42 ');
var_dump(0.1 + 0.2, 0.1 + 0.2 == 0.3, abs(0.3 - (0.1 + 0.2)) < PHP_FLOAT_EPSILON, 1e308 * 10, -1e308 * 10, 1 / 3);
var_dump(round(2.5), round(-2.5), round(1.955, 2), round(1234.5678, -2), floor(-1.5), ceil(-1.5), round(3.14159, 3));
echo 1e15, ' ', 1e14 + 0.5, ' ', 123456789012345678, ' ', 0.00001, ' ', 1.0, ' ', 2.50, ' ', -0.0, ' ', 1e100, "\n";
echo 7 / 2, ' ', 6 / 2, ' ', 2 ** 0.5, ' ', sqrt(-1), ' ', 10 % 3, ' ', -10 % 3, ' ', 5.7 % 2, "\n";
echo PHP_INT_MAX, ' ', PHP_INT_MIN, ' ', PHP_FLOAT_MAX, ' ', PHP_FLOAT_MIN, ' ', PHP_FLOAT_DIG, "\n";
var_dump(1 <=> 2, "a" <=> "a", [1, 2, 3] <=> [1, 2, 4]);
var_dump(0b1111, 0o17, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 1_000.5);
var_dump(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 62, 1 << 63, 1 << 64, -8 >> 1);
try { var_dump(1 << -1); } catch (ArithmeticError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
