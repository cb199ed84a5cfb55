<?php
class InsufficientFunds extends Exception {}
class Account {
    private array $log = [];
    public function __construct(private string $owner, private float $balance = 0.0) {}
    public function deposit(float $amt): static { if ($amt <= 0) throw new InvalidArgumentException("Deposit must be positive"); $this->balance += $amt; $this->log[] = "+$amt"; return $this; }
    public function withdraw(float $amt): static { if ($amt > $this->balance) throw new InsufficientFunds(sprintf("%s cannot withdraw %.2f (balance %.2f)", $this->owner, $amt, $this->balance)); $this->balance -= $amt; $this->log[] = "-$amt"; return $this; }
    public function balance(): float { return $this->balance; }
    public function history(): string { return implode(" ", $this->log); }
}
$acc = new Account("Ann", 100);
$acc->deposit(50)->withdraw(30.5);
printf("%s: %.2f [%s]\n", "Ann", $acc->balance(), $acc->history());
foreach ([-5, 1000] as $try) {
    try { $try < 0 ? $acc->deposit($try) : $acc->withdraw($try); }
    catch (InsufficientFunds $e) { echo "Funds: ", $e->getMessage(), "\n"; }
    catch (InvalidArgumentException $e) { echo "Arg: ", $e->getMessage(), "\n"; }
}
var_dump($acc->balance());
