<?php
// Builtins that run as pure helpers on scalar arguments, in hot loops
// (traced), and on other argument kinds (the generic path).
$h = [];
for ($i = -3; $i < 3000; $i++) {
    $h[dechex($i)] = $i;
}
$c = 0;
for ($i = 3000; $i > -4; $i--) {
    if (isset($h[dechex($i)])) { $c++; }
}
echo $c, " ", count($h), "\n";
$acc = 0;
$s = "";
for ($i = 0; $i < 2000; $i++) {
    $w = "Word" . ($i % 37);
    $acc += ord($w) + strlen(strtolower($w)) + strpos($w, "d") + abs($i - 1000) + max($i, 500) - min($i, 7);
    $acc += crc32(substr($w, 1, 3)) % 97 + strlen(trim("  $w ")) + strlen(bin2hex(chr($i % 256)));
    if (str_contains($w, "3") || str_starts_with($w, "Wo") && str_ends_with($w, "9")) { $acc++; }
    $s = ucfirst(strrev(strtoupper($w))) . lcfirst($w) . decbin($i % 8) . decoct($i % 9);
}
echo $acc, " ", $s, "\n";
echo abs(-2.5), " ", abs(PHP_INT_MIN), " ", dechex(-1), " ", ord(""), " ", chr(-1) === "\xFF" ? "y" : "n", "\n";
echo substr("abc", 5, 1) === "" ? "empty" : "x", " ", var_export(strpos("abc", "z"), true), " ", strpos("abc", ""), "\n";
// Other argument kinds take the generic path.
echo dechex("255"), " ", ord(65), " ", abs("-3"), " ", max("10", 9), " ", substr(12345, 1, 2), "\n";
