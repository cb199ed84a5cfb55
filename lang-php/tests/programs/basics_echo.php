<?php
echo "Hello, World!\n";
echo 'single $novar\n', "\n";
print "print works\n";
$a = 10; $b = 3;
echo $a + $b, " ", $a - $b, " ", $a * $b, " ", $a / $b, " ", $a % $b, " ", $a ** $b, "\n";
echo 7 / 2, " ", 6 / 2, " ", -7 % 3, " ", 2 ** 10, " ", 2 ** -1, "\n";
echo intdiv(17, 5), " ", 17 <=> 5, " ", 5 <=> 17, " ", 5 <=> 5, "\n";
echo "concat: " . $a . $b . "\n";
$s = "x"; $s .= "y"; $s .= 1; echo $s, "\n";
echo PHP_INT_MAX, " ", PHP_INT_MAX + 1, " ", -PHP_INT_MAX - 1, "\n";
echo 0.1 + 0.2, " ", 1/3, " ", 1e20, " ", 1.5e-7, " ", 100.0, " ", -0.0, "\n";
echo true, "|", false, "|", null, "|\n";
echo 10 <=> 2.5, "\n";
