<?php
$users = [
    ['id' => 3, 'name' => 'Carol', 'age' => 35, 'tags' => ['admin', 'dev']],
    ['id' => 1, 'name' => 'alice', 'age' => 30, 'tags' => ['dev']],
    ['id' => 2, 'name' => 'Bob', 'age' => 25, 'tags' => []],
];
$byId = array_column($users, null, 'id');
ksort($byId);
echo implode(',', array_keys($byId)), "\n";
echo implode(',', array_column($users, 'name', 'id')), "\n";
usort($users, fn($a, $b) => [$a['age'], $a['name']] <=> [$b['age'], $b['name']]);
echo implode(' ', array_map(fn($u) => "{$u['name']}({$u['age']})", $users)), "\n";
$names = array_map('ucfirst', array_column($users, 'name'));
sort($names, SORT_STRING | SORT_FLAG_CASE);
echo implode(',', $names), "\n";
$tags = array_unique(array_merge(...array_column($users, 'tags')));
echo json_encode(array_values($tags)), "\n";
function counter(): int { static $n = 0; return ++$n; }
counter(); counter(); echo counter(), "\n";
$fib = function (int $n) use (&$fib): int { return $n < 2 ? $n : $fib($n - 1) + $fib($n - 2); };
echo $fib(15), "\n";
echo str_contains('haystack', 'st') ? 'y' : 'n', str_starts_with('haystack', 'hay') ? 'y' : 'n', str_ends_with('haystack', 'ck') ? 'y' : 'n', "\n";
printf("[%'.10d] [%-10s] [%u] [%c] [%o] [%X] [%+d] [%e] [%.3e] [%5.1f%%]\n", 42, 'left', 3, 65, 8, 255, 5, 1234.5678, 0.000123, 99.45);
echo sprintf('%2$s %1$s', 'world', 'hello'), "\n";
echo number_format(1234567.891), ' ', number_format(1234567.891, 2), ' ', number_format(0.5), ' ', number_format(-1234.567, 1, ',', '.'), "\n";
echo intdiv(17, 5), ' ', 17 % 5, ' ', fmod(17.5, 5), ' ', 2 ** 10, ' ', 2 ** -1, ' ', PHP_INT_MAX + 1, "\n";
echo implode(',', range('a', 'e')), ' ', implode(',', range(10, 0, -3)), ' ', implode(',', range(0, 1, 0.25)), "\n";
echo implode('|', str_split('abcdefg', 3)), ' ', chunk_split('abcd', 2, '-'), ' ', strrev('abc'), "\n";
echo ucwords('hello_world-foo bar', '_-'), ' ', lcfirst('ABC'), ' ', nl2br("a\nb"), "\n";
echo array_search('Bob', array_column($users, 'name')), ' ', var_export(in_array('5', [5], true), true), "\n";
$a = ['x' => 1, 'y' => 2];
extract($a); echo $x + $y, ' ', json_encode(compact('x', 'y')), "\n";
array_walk($a, function (&$v, $k, $p) { $v = "$p$k=$v"; }, '#');
echo implode(' ', $a), "\n";
$arr = [1, 2, 3];
foreach ($arr as &$v) { $v *= 2; } unset($v);
echo implode(',', $arr), "\n";
echo str_pad('7', 3, '0', STR_PAD_LEFT), ' ', sprintf('%05.1f', 3.14159), ' ', sprintf('%-5d|', 42), "\n";
echo date('Y-m-d', 0), ' ', date('D, d M Y H:i:s', 86400 * 365), ' ', gmdate('N jS F y, g:i a', 1000000000), "\n";
echo var_export(array_is_list([1, 2]), true), ' ', array_key_last([1, 2, 3]), ' ', array_key_first(['a' => 1]), "\n";
echo max([1, 5, 3]), min(2, 8), array_product([2, 3]), ' ', round(2.5), round(-2.5), round(1.955, 2), "\n";
echo strtr('Hi all', ['Hi' => 'Hello', 'all' => 'world']), ' ', substr_replace('Hello', 'J', 0, 1), ' ', ltrim('0012', '0'), "\n";
echo json_encode(['a' => 1.0, 'b' => [], 'c' => new stdClass, 'd' => "é", 'e' => null], JSON_UNESCAPED_UNICODE), "\n";
var_dump(json_decode('{"a":{"b":[1,2,{"c":true}]}}', true));
$obj = json_decode('{"x": 1, "y": {"z": "w"}}');
echo $obj->y->z, ' ', $obj?->missing?->deep ?? 'none', "\n";
echo sprintf('%08.3f', -3.14159), ' ', sprintf("%'#10s", 'pad'), ' ', sprintf('%b', 10), "\n";
