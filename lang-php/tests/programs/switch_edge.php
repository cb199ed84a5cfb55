<?php
function classify($v) {
    switch (true) {
        case $v < 0: return "negative";
        case $v === 0: return "zero";
        case $v < 10: return "small";
        default: return "large";
    }
}
foreach ([-3, 0, 5, 50] as $v) echo classify($v), " ";
echo "\n";
function loose($v) { switch ($v) { case "1": return "one-string"; case 2: return "two"; case null: return "null-ish"; default: return "other"; } }
foreach ([1, "2", 0, "", "x"] as $v) echo loose($v), " ";
echo "\n";
$x = 5;
switch ($x) { default: echo "default-first "; case 1: echo "one "; break; case 5: echo "five "; }
echo "\n";
for ($i = 0; $i < 5; $i++) { switch ($i) { case 2: continue 2; case 4: break 2; } echo $i; }
echo "\n";
$r = match(true) { default => "d" }; echo $r, "\n";
echo match("1") { 1 => "int", "1" => "string" }, "\n";
