<?php
class Addr { public function __construct(public ?string $city = null) {} public function upper() { return strtoupper($this->city ?? ''); } }
class User {
    public ?Addr $addr = null;
    public array $prefs = [];
    public function __construct(public string $name) {}
    public function getAddr(): ?Addr { return $this->addr; }
}
$u = new User('ann');
$nobody = null;
var_dump($u->getAddr()?->city, $nobody?->getAddr()?->upper(), $nobody?->name);
$u->addr = new Addr('oslo');
var_dump($u->getAddr()?->upper(), $u?->addr?->city);
$cfg = ['db' => ['host' => null, 'port' => 0]];
var_dump($cfg['db']['host'] ?? 'localhost', $cfg['db']['port'] ?? 5432, $cfg['cache']['ttl'] ?? 60, $undefined ?? 'dflt');
$cfg['db']['host'] ??= '127.0.0.1';
$cfg['db']['port'] ??= 3306;
$cfg['log']['level'] ??= 'info';
print_r($cfg);
$u->prefs['theme'] ??= 'dark';
$u->prefs['theme'] ??= 'light';
echo $u->prefs['theme'], "\n";
$counter = [];
foreach (['a', 'b', 'a', 'c', 'a'] as $w) {
    $counter[$w] ??= 0;
    $counter[$w]++;
}
print_r($counter);
$a = null; $b = false; $c = 0;
var_dump($a ?? $b ?? $c, $a ?: $b ?: $c ?: 'all falsy', $b ?? 'x');
function maybe(?int $x) { return $x ?? throw new InvalidArgumentException('null given'); }
try { maybe(null); } catch (InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
echo maybe(5), "\n";
$obj = null;
echo $obj?->a->b->c ?? 'short-circuit', "\n";
echo isset($u->addr->city) ? 'set' : 'unset', ' ', isset($u->nothing->city) ? 'set' : 'unset', ' ', empty($u->prefs['missing']) ? 'empty' : 'full', "\n";
