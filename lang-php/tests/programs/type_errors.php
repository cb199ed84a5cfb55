<?php
function f(int $x): int { return $x * 2; }
echo f(5), " ", f("7"), " ", f(3.0), " ", f(true), "\n";
function g(string $s) { return strtoupper($s); }
echo g(123), " ", g(1.5), "\n";
function h(float $x) { var_dump($x); }
h(5); h("2.5");
function n(?array $a = null) { return $a === null ? "null" : count($a); }
echo n(), " ", n([1, 2]), " ", n(null), "\n";
class K {}
function k(K $k) { return get_class($k); }
echo k(new K), "\n";
try { f("abc"); } catch (TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { k(new stdClass); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { f([]); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
function u(int|string $v) { return gettype($v); }
echo u(1), u("a"), u(1.0), "\n";
echo strlen("abc"), "\n";
try { strlen([]); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
