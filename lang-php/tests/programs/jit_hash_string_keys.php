<?php
// String-key stores in hot loops: new and existing keys, numeric strings
// ("10" is the int key 10 and moves the next free key, "007" and "-0"
// stay strings), elements that are references, and a loop storing into
// two arrays.
function fill($n) {
  $h = [];
  for ($i = 0; $i < $n; $i++) {
    $h[dechex($i)] = $i;          // "a".."f" strings, "10" ints, mixed
    $h["k_$i"] = $i * 2;
    $h[(string)($i % 7)] = $i;    // existing int keys after the first 7
  }
  $h[] = "next";
  return $h;
}
$h = fill(3000);
echo count($h), " ", $h["ff"], " ", $h[10], " ", $h["k_2999"], " ", $h[6], "\n";
echo array_key_last($h), "\n";
var_dump(array_slice($h, 0, 6, true));

$odd = ["007" => 1, "-0" => 2, "-5" => 3, " 1" => 4, "1.5" => 5];
for ($i = 0; $i < 2000; $i++) {
  foreach (["007", "-0", "-5", " 1", "1.5", "9223372036854775808"] as $k) {
    $odd[$k] = $i;
  }
}
var_dump($odd);

$arr = ["a" => 1, "b" => 2];
$ref = &$arr["a"];
for ($i = 0; $i < 2000; $i++) {
  $k = $i % 2 ? "a" : "c$i";
  $arr[$k] = $i;
}
echo $ref, " ", count($arr), "\n";

$x = []; $y = [];
for ($i = 0; $i < 5000; $i++) {
  $x["foo_$i"] = $i;
  $y["foo_$i"] = 0;
}
for ($j = 0; $j < 3; $j++) {
  foreach ($x as $k => $v) { $y[$k] += $v; }
}
echo $y["foo_0"], " ", $y["foo_4999"], " ", count($y), "\n";
$copy = $x;
for ($i = 0; $i < 2000; $i++) { $copy["new$i"] = 1; }
echo count($x), " ", count($copy), "\n";
echo dechex(-1), " ", decoct(-1), " ", decbin(-5), " ", dechex(0), " ", decoct(8), " ", decbin(0), "\n";
