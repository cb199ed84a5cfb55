<?php
// String offsets read in hot loops (negative from the end, out of range
// warns, bytes above 0x7f) and interpolated strings of every kind of part.
$b = " .:,;!/>)|&IH%*#";
$out = "";
for ($k = 0; $k < 3000; $k++) { $out .= $b[$k % 16]; $last = $b[-1 - $k % 16]; }
echo strlen($out), " ", substr($out, 0, 20), " ", $last, "\n";
$bin = "h\xC3\xA9llo\xFF";
$codes = [];
for ($i = 0; $i < 1500; $i++) { $codes[$i % 7] = ord($bin[$i % 7]); }
echo implode(",", $codes), "\n";
for ($i = 0; $i < 1200; $i++) { $c = $b[$i % 20] ?? "?"; }
echo $c, "\n";
echo "[", $b[16], "]\n";
echo "[", $b[-17], "]\n";
echo "[", "abc"[2], "]\n";
$f = 1.5; $n = null; $t = true; $arr = [1, 2];
class S { function __toString(): string { return "S!"; } }
$o = new S;
$r = "";
for ($i = 0; $i < 1500; $i++) {
  $r = "foo_$i:{$b[3]}";
  $key = "k$i-$f-$n-$t";
}
echo $r, " ", $key, "\n";
for ($i = 0; $i < 1100; $i++) { $x = "o=$o i=$i"; }
echo $x, "\n";
echo "a=$arr[1] and $arr\n";
