<?php
$counter = 0;
function inc() { global $counter; $counter++; }
inc(); inc();
echo $counter, "\n";
function setNew() { global $brandNew; $brandNew = "created"; }
setNew(); echo $brandNew, "\n";
function readG() { return $GLOBALS['counter'] + 100; }
echo readG(), "\n";
function local() { $counter = 999; return $counter; }
echo local(), " ", $counter, "\n";
$arr = [1, 2, 3];
function sumGlobal() { global $arr; return array_sum($arr); }
echo sumGlobal(), "\n";
function staticAcc($v) { static $all = []; $all[] = $v; return implode(",", $all); }
staticAcc(1); staticAcc(2); echo staticAcc(3), "\n";
$fn = function() { return isset($counter) ? "visible" : "not visible"; };
echo $fn(), "\n";
$vv = 'dyn'; $$vv = 'variable variable'; echo $dyn, "\n";
$name = 'counter'; echo $$name, "\n";
echo isset($undefinedVar) ? 'set' : 'unset', "\n";
unset($counter); echo isset($counter) ? 'set' : 'unset', "\n";
