<?php
$r = require __DIR__ . '/inc/helper.php';
echo $r, " ", helper_fn(1), " ", $from_include, "\n";
require_once 'inc/once.php';
require_once 'inc/once.php';
include_once __DIR__ . '/inc/once.php';
$x = include 'inc/missing.php';
var_dump($x);
echo "end\n";
