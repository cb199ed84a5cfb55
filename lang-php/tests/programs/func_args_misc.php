<?php
function logAll() {
    $n = func_num_args();
    $args = func_get_args();
    return "$n: " . implode(', ', array_map(fn($a) => var_export($a, true), $args));
}
echo logAll(), "\n";
echo logAll(1, 'two', [3], null), "\n";
function withDefaults($a, $b = [1, 2], $c = PHP_INT_SIZE, ?string $d = null, $e = M_PI * 2) {
    return json_encode(func_get_args()) . ' ' . json_encode([$a, $b, $c, $d, round($e, 3)]);
}
echo withDefaults('x'), "\n";
echo withDefaults('x', 'y', 3, 'z'), "\n";
function &counterRef() { static $c = 0; $c++; return $c; }
echo counterRef(), counterRef(), "\n";
function addAll(int ...$n): int { return array_sum($n); }
echo addAll(), ' ', addAll(1, 2, 3), "\n";
function modify(array $copy, array &$ref) { $copy[] = 'c'; $ref[] = 'r'; return count($copy); }
$x = ['a']; $y = ['a'];
echo modify($x, $y), ' ', count($x), ' ', count($y), "\n";
function nullableReturn(bool $flag): ?int { return $flag ? 1 : null; }
var_dump(nullableReturn(true), nullableReturn(false));
function voidFn(): void { return; }
var_dump(voidFn());
function recurse(int $n): string { return $n <= 0 ? '.' : $n . recurse($n - 1); }
echo recurse(9), "\n";
echo function_exists('recurse') ? 'exists' : 'missing', ' ', function_exists('strlen') ? 'builtin' : '?', ' ', function_exists('nope') ? '?' : 'nope', "\n";
if (!function_exists('later')) {
    function later() { return 'conditionally defined'; }
}
echo later(), "\n";
function outer() {
    function inner() { return 'inner defined by outer'; }
}
outer();
echo inner(), "\n";
echo call_user_func('str_repeat', 'ab', 3), ' ', call_user_func_array(fn(...$a) => count($a), [1, 2, 3]), "\n";
try {
    withDefaults();
} catch (ArgumentCountError $e) {
    echo get_class($e), ': ', explode(' in ', $e->getMessage())[0], "\n";
}
try {
    undefined_fn(1);
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
assert(1 === 2);
echo "assert ignored in production\n";
