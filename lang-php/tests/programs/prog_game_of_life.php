<?php
$grid = ["..........", "...#......", "....#.....", "..###.....", "..........", "..........", ".........."];
$g = array_map('str_split', $grid);
$h = count($g); $w = count($g[0]);
function step($g, $h, $w) {
    $n = [];
    for ($y = 0; $y < $h; $y++) for ($x = 0; $x < $w; $x++) {
        $c = 0;
        for ($dy = -1; $dy <= 1; $dy++) for ($dx = -1; $dx <= 1; $dx++) {
            if ($dx == 0 && $dy == 0) continue;
            $yy = ($y + $dy + $h) % $h; $xx = ($x + $dx + $w) % $w;
            if ($g[$yy][$xx] === '#') $c++;
        }
        $n[$y][$x] = ($g[$y][$x] === '#' && ($c == 2 || $c == 3)) || ($g[$y][$x] !== '#' && $c == 3) ? '#' : '.';
    }
    return $n;
}
for ($gen = 0; $gen < 4; $gen++) $g = step($g, $h, $w);
foreach ($g as $row) echo implode('', $row), "\n";
$alive = 0; foreach ($g as $row) foreach ($row as $c) if ($c == '#') $alive++;
echo "alive: $alive\n";
