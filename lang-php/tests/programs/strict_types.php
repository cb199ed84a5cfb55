<?php
declare(strict_types=1);
function f(int $x): float { return $x; }
var_dump(f(5));
try { f("5"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
function g(float $x) { return $x; }
var_dump(g(3));
function h(): int { return "1"; }
try { h(); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
function k(?string $s) { return $s; }
try { k(5); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
var_dump(k(null));
