<?php
// `.=` in hot loops keeps value semantics: earlier copies of the string
// (assignments, array elements, arguments, captured values, the value of
// the `.=` expression itself, references) never see later appends.
function keep($s) { static $seen = []; $seen[] = $s; return $seen; }
$s = "";
$copies = [];
$vals = [];
for ($i = 0; $i < 3000; $i++) {
  $s .= chr(97 + $i % 26);
  if ($i % 500 == 0) { $copies[] = $s; $last = $s; }
  if ($i % 700 == 0) { $vals[] = ($s .= "|"); }
  if ($i % 900 == 0) { keep($s); }
}
echo strlen($s), " ", strlen($last), "\n";
foreach ($copies as $c) echo strlen($c), ":", substr($c, -3), " ";
echo "\n";
foreach ($vals as $v) echo strlen($v), ":", substr($v, -2), " ";
echo "\n";
foreach (keep("end") as $k) echo strlen($k), " ";
echo "\n";

$t = "start";
$f = function () use ($t) { return $t; };
for ($i = 0; $i < 2000; $i++) { $t .= "."; }
echo $f(), " ", strlen($t), "\n";

$u = "r";
$ref = &$u;
for ($i = 0; $i < 2000; $i++) { $u .= "x"; }
echo strlen($ref), " ", strlen($u), "\n";
for ($i = 0; $i < 2000; $i++) { $ref .= "y"; }
echo strlen($ref), " ", strlen($u), " ", substr($u, -3), "\n";

$w = "ab";
for ($i = 0; $i < 12; $i++) { $w .= $w; }
echo strlen($w), " ", md5($w), "\n";

$parts = [];
$acc = "";
for ($i = 0; $i < 3000; $i++) {
  $acc .= $i;
  $acc .= ",";
  if ($i % 1000 == 999) { $parts[] = $acc; $acc .= "#"; }
}
foreach ($parts as $p) echo strlen($p), " ", substr($p, -5), "\n";
echo strlen($acc), "\n";

$x = "q";
$y = $x .= "r";
$x .= "s";
$z = ($x .= "t") . "!";
$x .= "u";
echo "$x $y $z\n";
$bytes = "";
for ($i = 0; $i < 2000; $i++) { $bytes .= chr(0xC3); $bytes .= chr(0xA9); }
echo strlen($bytes), " ", substr($bytes, 0, 4), " ", md5($bytes), "\n";
