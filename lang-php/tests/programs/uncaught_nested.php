<?php
function inner($x) { throw new LogicException("deep $x"); }
function outer($x) { return inner($x + 1); }
echo "before\n";
outer(1);
echo "after\n";
