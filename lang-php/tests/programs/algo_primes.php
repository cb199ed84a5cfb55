<?php
function sieve($n) {
    $is = array_fill(0, $n + 1, true); $is[0] = $is[1] = false;
    for ($i = 2; $i * $i <= $n; $i++) if ($is[$i]) for ($j = $i * $i; $j <= $n; $j += $i) $is[$j] = false;
    return array_keys(array_filter($is));
}
$p = sieve(100);
echo count($p), ": ", implode(" ", $p), "\n";
function gcd($a, $b) { return $b == 0 ? $a : gcd($b, $a % $b); }
echo gcd(1071, 462), " ", gcd(17, 5), "\n";
function isPrime($n) { if ($n < 2) return false; for ($i = 2; $i * $i <= $n; $i++) if ($n % $i == 0) return false; return true; }
$c = 0; for ($i = 0; $i < 10000; $i++) if (isPrime($i)) $c++; echo $c, "\n";
function nqueens($n, $row = 0, $cols = [], $d1 = [], $d2 = []) {
    if ($row == $n) return 1;
    $count = 0;
    for ($c = 0; $c < $n; $c++) {
        if (isset($cols[$c]) || isset($d1[$row + $c]) || isset($d2[$row - $c + $n])) continue;
        $cols[$c] = $d1[$row + $c] = $d2[$row - $c + $n] = true;
        $count += nqueens($n, $row + 1, $cols, $d1, $d2);
        unset($cols[$c], $d1[$row + $c], $d2[$row - $c + $n]);
    }
    return $count;
}
echo nqueens(6), " ", nqueens(7), "\n";
$memo = [];
function fibm($n) { global $memo; if ($n < 2) return $n; if (isset($memo[$n])) return $memo[$n]; return $memo[$n] = fibm($n - 1) + fibm($n - 2); }
echo fibm(80), "\n";
function collatz($n) { $s = [$n]; while ($n != 1) { $n = $n % 2 ? 3 * $n + 1 : $n / 2; $s[] = $n; } return $s; }
echo implode("->", collatz(6)), "\n";
echo array_sum(array_map(fn($d) => (int)$d, str_split((string)(2 ** 50)))), "\n";
