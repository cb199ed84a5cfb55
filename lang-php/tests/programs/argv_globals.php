<?php
echo count($argv), " ", basename($argv[0]), " ", $argc, "
";
function f() { global $argv; return count($argv); }
echo f(), "
";
var_dump(isset($_SERVER["argv"]), $_GET);
