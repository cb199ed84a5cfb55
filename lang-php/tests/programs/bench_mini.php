<?php
// A scaled-down Zend/bench.php style workload (outputs only, no timings).
function simple() { $a = 0; for ($i = 0; $i < 20000; $i++) $a++; return $a; }
function hallo($a) {}
function simpleucall() { for ($i = 0; $i < 20000; $i++) hallo("hallo"); }
function mandel2() {
  $b = " .:,;!/>)|&IH%*#";
  for ($y = 30; printf("\n"), $C = $y * 0.1 - 1.5, $y--;) {
    for ($x = 0; $c = $x * 0.04 - 2, $z = 0, $Z = 0, $x++ < 75;) {
      for ($r = $c, $i = $C, $k = 0; $t = $z * $z - $Z * $Z + $r, $Z = 2 * $z * $Z + $i, $z = $t, $k < 500; $k++)
        if ($z * $z + $Z * $Z > 500000) break;
      echo $b[$k % 16];
    }
  }
}
function ary3($n) { for ($i = 0; $i < $n; $i++) { $X[$i] = $i + 1; $Y[$i] = 0; } for ($k = 0; $k < 100; $k++) for ($i = $n - 1; $i >= 0; $i--) $Y[$i] += $X[$i]; $last = $n - 1; print "$Y[0] $Y[$last]\n"; }
function hash2($n) { for ($i = 0; $i < $n; $i++) { $hash1["foo_$i"] = $i; $hash2["foo_$i"] = 0; } for ($i = $n; $i > 0; $i--) foreach ($hash1 as $key => $value) $hash2[$key] += $value; $first = "foo_0"; $last = "foo_" . ($n - 1); print "$hash1[$first] $hash1[$last] $hash2[$first] $hash2[$last]\n"; }
function gen_random($n) { global $LAST; return (($n * ($LAST = ($LAST * IA + IC) % IM)) / IM); }
function heapsort_r($n, &$ra) {
  $l = ($n >> 1) + 1; $ir = $n;
  while (1) {
    if ($l > 1) { $rra = $ra[--$l]; } else { $rra = $ra[$ir]; $ra[$ir] = $ra[1]; if (--$ir == 1) { $ra[1] = $rra; return; } }
    $i = $l; $j = $l << 1;
    while ($j <= $ir) { if (($j < $ir) && ($ra[$j] < $ra[$j + 1])) { $j++; } if ($rra < $ra[$j]) { $ra[$i] = $ra[$j]; $j += ($i = $j); } else { $j = $ir + 1; } }
    $ra[$i] = $rra;
  }
}
function heapsort($N) { global $LAST; define("IM", 139968); define("IA", 3877); define("IC", 29573); $LAST = 42; for ($i = 1; $i <= $N; $i++) { $ary[$i] = gen_random(1); } heapsort_r($N, $ary); printf("%.10f\n", $ary[$N]); }
function strcat($n) { $str = ""; while ($n-- > 0) { $str .= "hello\n"; } print strlen($str) . "\n"; }
echo simple(), "\n";
simpleucall();
mandel2();
ary3(200);
hash2(50);
heapsort(2000);
strcat(2000);
