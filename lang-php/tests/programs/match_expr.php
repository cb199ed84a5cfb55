<?php
function httpText(int $code): string {
    return match ($code) {
        200, 201, 204 => 'success',
        301, 302 => 'redirect',
        404 => 'not found',
        500 => 'server error',
        default => 'unknown',
    };
}
foreach ([200, 204, 302, 404, 418, 500] as $c) echo $c, ' ', httpText($c), "\n";

function grade($score) {
    return match (true) {
        $score >= 90 => 'A',
        $score >= 80 => 'B',
        $score >= 70 => 'C',
        default => 'F',
    };
}
echo implode(' ', array_map('grade', [95, 85, 72, 10])), "\n";

// match is strict: '1' does not match 1
$v = '1';
echo match ($v) { 1 => 'int one', '1' => 'string one' }, "\n";

// match arms can throw
function parseOp($op) {
    return match ($op) {
        '+' => fn($a, $b) => $a + $b,
        '-' => fn($a, $b) => $a - $b,
        '*' => fn($a, $b) => $a * $b,
        default => throw new InvalidArgumentException("bad op $op"),
    };
}
echo parseOp('*')(6, 7), "\n";
try {
    parseOp('%');
} catch (InvalidArgumentException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

// no arm matches
try {
    echo match (5) { 1 => 'a', 2 => 'b' };
} catch (\UnhandledMatchError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    echo match ('zz') { 'a' => 1 };
} catch (\UnhandledMatchError $e) {
    echo $e->getMessage(), "\n";
}
$r = match (3 <=> 2) { -1 => 'lt', 0 => 'eq', 1 => 'gt' };
echo $r, "\n";
