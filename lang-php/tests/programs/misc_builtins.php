<?php
var_dump(gettype(1.0), gettype("x"), gettype(null), gettype([]), is_callable('strlen'), is_callable('nope'), is_callable(fn() => 1));
var_dump(boolval([]), boolval([0]), boolval(0.0), boolval("0.0"), strval(true), intval("  12  "), floatval("1e-2"));
var_dump(array_key_exists(null, ['' => 1]), isset([null][0]), array_key_exists(0, [null]));
var_dump(max([]?:[0]), min(1, 2.0), max("apple", "10"), max([1, 2], [1, 3]), min("a", 0));
var_dump(range('A', 'E', 2), array_sum(["1", 2.5, true]), array_product([]));
var_dump(str_word_count("Hello fair world"), ucwords('hello-world foo_bar'), lcfirst("ABC"));
var_dump(array_search("1", [0, 1, "1"]), array_search("1", [0, 1, "1"], true));
var_dump(in_array("abc", [0]), in_array(null, [""]), in_array(0, ["a"]), in_array("1e1", ["10"]));
echo implode(",", array_keys(["a" => null, "b" => 0, "c" => false], null)), "\n";
var_dump(abs(-0), abs(PHP_INT_MIN), intdiv(-7, 2), -7 % 2, 2 <=> "2", "abc" <=> null);
