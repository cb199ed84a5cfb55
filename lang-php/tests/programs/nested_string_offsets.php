<?php
// String offset writes through array elements and properties:
// `$a[k][i] = v` and `$o->p[i] = v` where the element is a string.
$a = ["k" => "hello", "n" => ["x" => "abc"]];
$a["k"][1] = "Z";
$a["n"]["x"][0] = "Q";
$a["n"]["x"][5] = "!";      // past the end: padded with spaces
$a["k"][-1] = "O";          // negative offsets count from the end
var_dump($a);

// The string is a value: the copy in $s does not change.
$s = "xyz";
$b = [$s];
$b[0][1] = "W";
echo $s, " ", $b[0], "\n";

// Copy-on-write: the copy $c keeps the old string.
$c = $a;
$a["k"][0] = "J";
echo $a["k"], " ", $c["k"], "\n";

// Through a reference to the element.
$r = &$a["k"];
$a["k"][4] = "y";
echo $r, "\n";
unset($r);

// Properties, and arrays inside properties.
class O {
    public $p = "abc";
    public $q = ["r" => "def"];
    public function set($i, $c) { $this->p[$i] = $c; return $this; }
}
$o = new O;
$o->p[2] = "C";
$o->q["r"][0] = "D";
$o->set(0, "A");
var_dump($o);

// The value of the assignment, and keys evaluated once, in order.
$log = [];
function k($x) { global $log; $log[] = $x; return $x; }
$m = ["s" => "....", "t" => "...."];
$v = ($m[k("s")][k(2)] = "X");
echo $v, " ", $m["s"], " ", implode(",", $log), "\n";

// In a loop (traced by the JIT when hot).
$rows = ["aaaa", "bbbb", "cccc"];
for ($n = 0; $n < 2000; $n++) {
    $rows[$n % 3][$n % 4] = chr(65 + $n % 26);
}
echo implode(" ", $rows), "\n";
$grid = [["x" => "----"], ["x" => "----"]];
foreach ([0, 1] as $i) {
    for ($j = 0; $j < 4; $j++) {
        $grid[$i]["x"][$j] = (string)($i + $j);
    }
}
echo $grid[0]["x"], " ", $grid[1]["x"], "\n";

// Errors: `[]` on a string element.
try {
    $a["k"][] = "x";
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
echo "done\n";
