<?php
// included by include_relative.php; includes its sibling relative to itself
require_once __DIR__ . '/helpers.php';
require_once 'helpers.php';
function util_sum(array $xs) { return array_sum($xs); }
return 'util loaded from ' . basename(__FILE__) . ' in ' . basename(__DIR__);
