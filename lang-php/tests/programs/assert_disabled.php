<?php
assert(false);
var_dump(assert(1 == 2, "msg"));
echo "after asserts\n";
