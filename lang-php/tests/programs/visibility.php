<?php
class A { private $p = 1; protected $q = 2; public $r = 3; private function m() {} protected function n() {} public function getP() { return $this->p; } }
class B extends A { function test() { return $this->q; } function test2() { return $this->p; } }
$a = new A;
echo $a->r, $a->getP(), (new B)->test(), "\n";
try { echo $a->p; } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { echo $a->q; } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { $a->p = 5; } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { $a->m(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { $a->n(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
echo (new B)->test2(), "\n";
class R { public function __construct(public readonly int $x) {} }
$r = new R(5);
try { $r->x = 6; } catch (Error $e) { echo $e->getMessage(), "\n"; }
echo $r->x, "\n";
