<?php
class Account {
    public string $owner = 'ann';
    protected float $balance = 10.0;
    private string $pin = '1234';
    private function audit() { return 'audit'; }
    protected function internal() { return 'internal'; }
    public static function make() { return new static(); }
    public function peek(Account $other) { return $other->pin; }   // same class: allowed
}
class Savings extends Account {
    public function rate() { return $this->balance * 0.05; }
    public function tryPin() { return $this->pin ?? 'no access to private'; }
    public function callInternal() { return $this->internal(); }
}
$a = new Account;
$s = new Savings;
echo $s->rate(), ' ', $s->callInternal(), ' ', $a->peek(new Account), "\n";
$cases = [
    fn() => $a->balance,
    fn() => $a->pin,
    fn() => $a->audit(),
    fn() => $a->internal(),
    fn() => $a->balance = 5,
    fn() => Account::nope(),
    fn() => $a->nope(),
    fn() => new Undefined(),
    fn() => $s->tryPin(),
];
foreach ($cases as $i => $f) {
    try {
        $r = $f();
        echo "$i: ok ", var_export($r, true), "\n";
    } catch (Error $e) {
        echo "$i: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
abstract class Shape { abstract public function area(); }
interface Named {}
foreach (['Shape', 'Named'] as $cls) {
    try { new $cls(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
}
$ro = new class { public readonly int $x; public function __construct() { $this->x = 1; } };
try { $ro->x = 2; } catch (Error $e) { echo $e->getMessage(), "\n"; }
echo get_class($a), ' ', $s instanceof Account ? 'is-a' : 'not', "\n";
