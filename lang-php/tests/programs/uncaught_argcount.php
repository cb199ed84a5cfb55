<?php
class Calc { public function mul($a, $b) { return $a * $b; } }
$c = new Calc;
echo $c->mul(2, 3), "\n";
echo $c->mul(2), "\n";
