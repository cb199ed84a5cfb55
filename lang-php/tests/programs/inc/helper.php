<?php
function helper_fn($x) { return "helper($x)"; }
$from_include = "set by include";
return 42;
