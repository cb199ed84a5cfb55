<?php
if (!function_exists('shout')) {
    function shout($s) { return strtoupper($s) . '!'; }
}
$loaded_strings = ($loaded_strings ?? 0) + 1;
