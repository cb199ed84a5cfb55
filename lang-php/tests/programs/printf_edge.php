<?php
$cases = [
    ['%d', 42], ['%5d|', 42], ['%-5d|', 42], ['%05d', -42], ['%+d', 5], ['%+d', -5],
    ['%x', 255], ['%X', 255], ['%o', 8], ['%b', 5], ['%08b', 5], ['%c', 65],
    ['%e', 12345.678], ['%.2e', 0.000123], ['%E', 1.5], ['%g', 0.00001234], ['%g', 123456789.0],
    ['%G', 1.0e-10], ['%f', 1.5], ['%.0f', 2.5], ['%.0f', 3.5], ['%.3f', -0.0005],
    ['%10.4f|', 3.14159], ['%-10.2f|', 3.14159], ['%010.2f', -3.14159], ["%'*10s", 'pad'],
    ["%-'x10s|", 'left'], ['%.3s', 'abcdef'], ['%5.1s|', 'xyz'], ['%u', -1], ['%%', 0],
    ['%s', true], ['%s', false], ['%s', null], ['%d', '12abc'], ['%s', 1.0], ['%s', 0.1 + 0.2],
    ['%.15f', 0.1], ['%F', 1234.5], ['%5s|%-5s|', 'ab'], ['%1$s %1$s %2$s', 'a'],
];
foreach ($cases as $c) {
    [$fmt, $arg] = $c;
    if ($fmt === '%5s|%-5s|') { echo sprintf($fmt, $arg, $arg), "\n"; continue; }
    if ($fmt === '%1$s %1$s %2$s') { echo sprintf($fmt, $arg, 'b'), "\n"; continue; }
    echo $fmt, ' => ', sprintf($fmt, $arg), "\n";
}
printf("%s has %d items costing %.2f\n", "cart", 3, 19.999);
echo vsprintf("%04d-%02d-%02d\n", [2024, 3, 7]);
$n = printf("%s\n", "counted");
echo $n, "\n";
foreach ([0, 1, -1, 1234.5678, 1234567.891, -1234567.891, 0.5, 1.005, 999.999, 1e15, -0.4] as $v) {
    echo number_format($v), ' | ', number_format($v, 2), ' | ', number_format($v, 3, ',', '.'), ' | ', number_format($v, 1, '.', ' '), "\n";
}
echo number_format(1234.5, 2, '', ''), "\n";
echo str_pad(number_format(42.1, 2), 10, ' ', STR_PAD_LEFT), "|\n";
try {
    echo sprintf('%d %d', 1);
} catch (ArgumentCountError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    echo sprintf('%z', 1), "\n";
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
