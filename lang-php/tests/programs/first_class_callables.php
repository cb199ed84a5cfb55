<?php
class Str {
    public function __construct(private string $prefix) {}
    public function tag(string $s): string { return $this->prefix . $s; }
    public static function shout(string $s): string { return strtoupper($s) . '!'; }
}

$len = strlen(...);
echo $len('hello'), "\n";
echo get_class($len), "\n";

$t = new Str('#');
$tag = $t->tag(...);
echo $tag('x'), "\n";
$shout = Str::shout(...);
echo $shout('hey'), "\n";

// callables in all their forms
$forms = [
    'strtoupper',
    'Str::shout',
    ['Str', 'shout'],
    [$t, 'tag'],
    fn($s) => "<$s>",
    $tag,
    Closure::fromCallable('ucfirst'),
];
foreach ($forms as $f) {
    echo call_user_func($f, 'abc'), " ", is_callable($f) ? 'callable' : 'not', "\n";
}
echo implode(',', array_map(Str::shout(...), ['a', 'b'])), "\n";
echo call_user_func_array([$t, 'tag'], ['zz']), "\n";
echo call_user_func_array('str_replace', ['a', 'o', 'banana']), "\n";

function compose(callable ...$fs): Closure {
    return function ($x) use ($fs) {
        foreach ($fs as $f) $x = $f($x);
        return $x;
    };
}
$pipeline = compose('trim', strrev(...), $shout);
echo $pipeline("  abc "), "\n";
var_dump(is_callable('no_such_function'));
var_dump(is_callable([$t, 'nope']));
var_dump($len instanceof Closure);
