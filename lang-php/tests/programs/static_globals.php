<?php
// function-static variables, `global`, and $GLOBALS
function counter() {
    static $n = 0;
    static $log = [];
    $n++;
    $log[] = $n * $n;
    return [$n, array_sum($log)];
}
for ($i = 0; $i < 4; $i++) {
    [$n, $s] = counter();
    echo "call $n sum $s\n";
}

$config = ['debug' => false, 'level' => 1];
$hits = 0;
function hit($what) {
    global $hits, $config;
    $hits++;
    if ($config['debug']) echo "hit $what\n";
    $config['level'] = $hits;
}
hit('a'); hit('b');
$config['debug'] = true;
hit('c');
echo "hits=$hits level={$config['level']}\n";

function viaGlobals() {
    $GLOBALS['hits'] += 10;
    $GLOBALS['fresh'] = 'new global';
    return $GLOBALS['config']['level'];
}
echo viaGlobals(), " ", $hits, " ", $fresh, "\n";
echo isset($GLOBALS['nothere']) ? "yes" : "no", "\n";
echo array_key_exists('hits', $GLOBALS) ? "has hits\n" : "no hits\n";

class Registry {
    public static function next() {
        static $id = 100;
        return ++$id;
    }
}
echo Registry::next(), " ", Registry::next(), "\n";

function memo_fib($n) {
    static $memo = [0 => 0, 1 => 1];
    if (isset($memo[$n])) return $memo[$n];
    return $memo[$n] = memo_fib($n - 1) + memo_fib($n - 2);
}
echo memo_fib(80), "\n";

function staticRef() {
    static $arr = [];
    $arr[] = count($arr);
    return $arr;
}
staticRef(); staticRef();
print_r(staticRef());
