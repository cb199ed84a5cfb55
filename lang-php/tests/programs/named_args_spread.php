<?php
function makeUser(string $name, int $age = 30, string $role = 'user', bool $active = true) {
    return sprintf("%s/%d/%s/%s", $name, $age, $role, $active ? 'on' : 'off');
}
echo makeUser('ann'), "\n";
echo makeUser('bob', role: 'admin'), "\n";
echo makeUser(age: 41, name: 'cy'), "\n";
echo makeUser('dee', active: false, age: 22), "\n";

function sum(...$nums) { return array_sum($nums); }
$parts = [1, 2, 3];
echo sum(...$parts), " ", sum(...$parts, ...[10, 20]), " ", sum(), "\n";

function joinAll(string $sep, string ...$items) {
    return implode($sep, $items);
}
echo joinAll('-', 'a', 'b', 'c'), "\n";
echo joinAll(...['+', 'x', 'y']), "\n";

// spreading string keys becomes named arguments
$args = ['name' => 'eve', 'role' => 'ops'];
echo makeUser(...$args), "\n";

// variadic collects unknown named args
function opts(...$o) { var_dump($o); }
opts(1, 2, color: 'red', size: 3);

// array spread in literals
$a = [1, 2];
$b = ['x' => 1, 'y' => 2];
var_dump([...$a, 3, ...$a]);
var_dump([...$b, 'y' => 5, ...['z' => 9]]);

// named args with builtins
echo str_pad(string: "7", length: 3, pad_string: "0", pad_type: STR_PAD_LEFT), "\n";
echo implode(separator: ",", array: [3, 4]), "\n";
var_dump(array_slice([1, 2, 3, 4], 1, preserve_keys: true));

// errors
try {
    makeUser('z', nope: 1);
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    makeUser(age: 3);
} catch (ArgumentCountError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
