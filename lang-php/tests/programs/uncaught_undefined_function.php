<?php
echo "start\n";
$r = undefined_function_xyz(1, 2);
