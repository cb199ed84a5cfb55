<?php
interface State { public function next(string $input): State; public function name(): string; }
abstract class BaseState implements State { public function name(): string { return static::class; } }
class Idle extends BaseState { public function next(string $i): State { return $i === 'coin' ? new Ready : $this; } }
class Ready extends BaseState { public function next(string $i): State { return match ($i) { 'push' => new Vending, 'refund' => new Idle, default => $this }; } }
class Vending extends BaseState { private int $ticks = 0; public function next(string $i): State { return ++$this->ticks >= 2 ? new Idle : $this; } }
$s = new Idle;
foreach (['push', 'coin', 'coin', 'push', 'tick', 'tick', 'coin', 'refund'] as $in) { $s = $s->next($in); echo str_pad($in, 7), "-> ", $s->name(), "\n"; }
enum_free();
function enum_free() { $levels = ['LOW' => 1, 'MID' => 5, 'HIGH' => 10]; foreach ($levels as $k => $v) echo "$k=$v "; echo "\n"; echo array_search(5, $levels), "\n"; }
