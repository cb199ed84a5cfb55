<?php
// ++/-- on variables, elements, properties, strings and null, pre and post,
// with the old value used after the write (the compiler reuses the read).
for ($i=0;$i<3;$i++) { $a[$i] = $i++ + ++$i; } $x = 5; $y = $x++ + $x; echo $y, json_encode($a), "\n";
$b = [1, 2]; $b[1]++; --$b[0]; $o = new stdClass; $o->p = 1; $o->p++; echo json_encode($b), $o->p, "\n";
$s = 'a'; $s++; $n = null; $n++; $m = null; $m--; echo $s, var_export($n, true), var_export($m, true), "\n";
$z = 3; $w = $z-- - --$z; echo $w, $z, "\n";
function f() { static $c = 0; return ++$c; } f(); echo f(), "\n";
