<?php
// json_encode's depth limit and json_last_error()/json_last_error_msg()
// after encoding and decoding, as php reports them.
var_dump(json_encode([1], 0, 1), json_last_error(), json_encode([[1]], 0, 1), json_last_error(), json_last_error_msg());
var_dump(json_encode(1, 0, 0), json_encode([], 0, 0), json_last_error_msg());
$a = []; for ($i = 0; $i < 600; $i++) { $a = [$a]; }
var_dump(json_encode($a), json_last_error() === JSON_ERROR_DEPTH, json_last_error_msg());
var_dump(strlen(json_encode($a, 0, 1000)), json_last_error() === JSON_ERROR_NONE);
var_dump(json_decode("{bad"), json_last_error() === JSON_ERROR_SYNTAX, json_last_error_msg());
var_dump(json_decode("[1, 2]"), json_last_error_msg());
var_dump(json_encode("\xff"), json_last_error() === JSON_ERROR_UTF8, json_last_error_msg());
var_dump(json_encode(["a" => 1.5, "b" => [true, null]]), json_last_error());
