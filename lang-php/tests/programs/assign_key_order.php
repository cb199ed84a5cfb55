<?php
$j = 0; $p = [10, 20, 30]; $p[$j++] = $p[$j]; echo implode(",", $p), " $j\n";
$s = [5, 6, 7]; $i = 1; $sx = &$s[$i]; --$sx; echo implode(",", $s), "\n";
$a = []; $k = 'x'; $a[$k . '1'] = ($k = 'y'); print_r($a);
function f($v) { echo "f$v "; return $v; }
$arr = []; $arr[f(1)] = f(2); echo "\n";
$arr2 = []; $arr2[f(1)][f(2)] = f(3); echo "\n";
$o = new stdClass; $o->{f('a')} = f('b'); echo "\n";
$j = 0; $q = [1,2,3]; $q[$j] = $j++; echo implode(",", $q), "\n";
$i = 0; $b = [0,0,0]; $b[$i++] = $i; echo implode(",", $b), "\n";
$m = [[0,0],[0,0]]; $r = 0; $m[$r++][$r] = 5; echo json_encode($m), "\n";
