<?php
class Money { public function __construct(private int $cents) {} public function __toString(): string { return sprintf("$%d.%02d", intdiv($this->cents, 100), $this->cents % 100); } }
$m = new Money(12345);
echo $m, "\n";
echo "Total: $m\n";
echo "Total: " . $m . "!\n";
$s = (string)$m; var_dump($s);
echo strlen($m), " ", str_pad($m, 12, "*", STR_PAD_LEFT), "\n";
echo implode(", ", [new Money(1), new Money(250)]), "\n";
var_dump($m == "$123.45");
class Plain {}
try { echo new Plain; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
