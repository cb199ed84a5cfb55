<?php
var_dump(preg_match('abc', 'x'));
var_dump(preg_match('/abc', 'x'));
var_dump(preg_match('/abc/Q', 'x'));
var_dump(preg_match('', 'x'));
var_dump(preg_match('/(abc/', 'x'));
var_dump(preg_replace('/(abc/', 'y', 'x'));
var_dump(preg_match('/(a)(b)?(c)?/', 'a', $m), $m);
var_dump(preg_match('/(a)(b)?(c)/', 'ac', $m), $m);
var_dump(preg_match('/(?<x>a)(b)?/', 'xab', $m, PREG_OFFSET_CAPTURE), $m);
var_dump(preg_match_all('/a*/', 'baaa', $m), $m);
var_dump(preg_match_all('/(\d)(x)?/', '1x2', $m, PREG_SET_ORDER), $m);
var_dump(preg_split('/(,)/', 'a,b,,c', -1, PREG_SPLIT_DELIM_CAPTURE|PREG_SPLIT_NO_EMPTY));
var_dump(preg_split('//', 'abc', -1, PREG_SPLIT_NO_EMPTY));
var_dump(preg_split('/\s*/', 'a b', 2));
var_dump(preg_quote("a.b*c?d/e#f", '/'));
var_dump(preg_replace('/(\w+) (\w+)/', '$2 ${1}x \2', 'hello world'));
var_dump(preg_grep('/^\d+$/', ['1', 'a', 'x' => '22']));
