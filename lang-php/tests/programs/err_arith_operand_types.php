<?php
// Arithmetic on a non-numeric string is a TypeError naming both operand
// types (php 8); a leading-numeric string warns and uses its number.
$cases = [
  fn() => "x" + 1, fn() => 1 + "x", fn() => "x" + 1.5, fn() => 2.5 - "y",
  fn() => "x" * "y", fn() => "x" % 2, fn() => 7 % "z", fn() => "x" ** 2,
  fn() => "x" / 2, fn() => "x" | 1, fn() => 1 << "q", fn() => "x" + null,
  fn() => true + "x", fn() => "x" + [], fn() => [] + "x", fn() => -"x",
  fn() => +"x", fn() => "" + 1, fn() => " " * 3, fn() => "x" & 3,
  fn() => "12abc" + 1, fn() => "3" . "x",
];
foreach ($cases as $i => $f) {
  try { var_dump($f()); } catch (Throwable $e) { echo $i, " ", get_class($e), ": ", $e->getMessage(), "\n"; }
}
$a = "x";
try { $a += 1; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { $a *= 2.0; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$arr = ["k" => "v", "n" => 2];
try { $arr["k"] -= 3; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$arr["n"] -= 3;
var_dump($a, $arr);
function sum($xs) { $t = 0; foreach ($xs as $x) { $t = $t + $x; } return $t; }
for ($i = 0; $i < 3000; $i++) { $t = sum([1, 2, 3]); }
echo $t, "\n";
try { sum([1, "two", 3]); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
echo "x" + 1;
