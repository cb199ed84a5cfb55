<?php
class Res { function __construct(public string $n) { echo "open $n\n"; } function __destruct() { echo "close {$this->n}\n"; } }
class Child extends Res {}
$a = new Res('a');
$b = new Child('b');
$shared = $a;
$list = [new Res('l1'), new Res('l2')];
echo "work\n";
