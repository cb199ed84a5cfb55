<?php
function ratio($a, $b) { return $a / $b; }
echo ratio(1, 4), "\n";
echo ratio(1, 0), "\n";
