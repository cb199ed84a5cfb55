<?php
// Values taken from a variable between its `.=` appends (arguments, defined
// vars, captures, exceptions, arrays, properties) keep their own text.
function f($s) { $s .= "a"; $args = func_get_args(); $s .= "b"; return [$args, $s]; }
var_dump(f("x"));
function g() { $s = "q"; $s .= "1"; $v = get_defined_vars(); $s .= "2"; $c = compact('s'); $s .= "3"; return [$v, $c, $s]; }
var_dump(g());
function h() { $s = "m"; $s .= "1"; $fn = fn() => $s; $s .= "2"; $st = $s; $s .= "3"; return [$fn(), $st, $s]; }
var_dump(h());
function k() { $s = "e"; $s .= "1"; try { throw new Exception($s); } catch (Exception $e) { $s .= "2"; return [$e->getMessage(), $s]; } }
var_dump(k());
function sw() { $s = "w"; $s .= "1"; $r = match(true) { default => $s }; $s .= "2"; $arr = [$s]; $s .= "3"; $arr2 = ['k' => $s]; $s .= "4"; return [$r, $arr, $arr2, $s]; }
var_dump(sw());
function st() { $s = "s"; $s .= "1"; $o = new stdClass; $o->p = $s; $s .= "2"; $x = (string)$s; $s .= "3"; return [$o->p, $x, $s, "$s!"]; }
var_dump(st());
// The same, hot (compiled traces).
for ($i = 0; $i < 1200; $i++) { $all = [f("x$i"), g(), h(), k(), sw(), st()]; }
echo json_encode($all), "\n";
