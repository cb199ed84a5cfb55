<?php
function risky($x) {
    if ($x < 0) throw new InvalidArgumentException("negative: $x", 42);
    if ($x == 0) throw new DivisionByZeroError("zero");
    return 10 / $x;
}
foreach ([2, -1, 0] as $v) {
    try {
        echo risky($v), "\n";
    } catch (InvalidArgumentException | DivisionByZeroError $e) {
        echo get_class($e), ": ", $e->getMessage(), " (", $e->getCode(), ") line ", $e->getLine(), "\n";
    } finally {
        echo "finally $v\n";
    }
}
try { intdiv(1, 0); } catch (DivisionByZeroError $e) { echo "caught: ", $e->getMessage(), "\n"; }
try { echo 1 % 0; } catch (DivisionByZeroError $e) { echo "caught: ", $e->getMessage(), "\n"; }
try { $r = 1 / 0; } catch (Error $e) { echo get_class($e), " ", $e->getMessage(), "\n"; }
class MyEx extends RuntimeException {}
try { try { throw new MyEx("inner"); } catch (LogicException $e) { echo "wrong\n"; } } catch (RuntimeException $e) { echo "outer caught ", $e->getMessage(), "\n"; }
$prev = new Exception("first");
$e2 = new RuntimeException("second", 0, $prev);
echo $e2->getPrevious()->getMessage(), "\n";
function f() { try { return "try"; } finally { echo "cleanup "; } }
echo f(), "\n";
function g() { foreach ([1, 2, 3] as $i) { try { if ($i == 2) continue; echo "i$i "; } finally { echo "f$i "; } } echo "\n"; }
g();
try { nonexistent(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { (new stdClass)->method(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { null_obj()->x(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
function null_obj() { return null; }
try { echo match(99) { 1 => 'a' }; } catch (\UnhandledMatchError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { function typed(int $x) {} typed("abc"); } catch (TypeError $e) { echo "TypeError caught\n"; }
try { throw new Exception("x"); } catch (Throwable $t) { echo "throwable ", $t->getMessage(), "\n"; }
$x = null;
$v = $x ?? throw new LogicException("never");
echo "done\n";
throw new RuntimeException("uncaught one");
