<?php
$obj = null;
echo "before\n";
$obj->method();
