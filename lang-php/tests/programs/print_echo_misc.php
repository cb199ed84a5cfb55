<?php
$r = print "print returns 1\n";
echo $r, "\n";
echo 'a', 'b', 'c', "\n";
echo 1 + 2 . "3" . 4 * 5, "\n";
echo -2 ** 2, ' ', (-2) ** 2, ' ', 2 ** 3 ** 2, "\n";
echo 10 - 3 - 2, ' ', 100 / 10 / 5, ' ', 7 . '' . 7, "\n";
echo true ? 'yes' : 'no', ' ', null ?: 'elvis', "\n";
echo !empty([0]) && !0 ? "logic\n" : "nope\n";
$x = 5;
echo $x > 3 and $x < 10 ? "and-low\n" : "x\n";
$y = false or true;
var_dump($y);
$z = (false or true);
var_dump($z);
var_dump(true xor true, true xor false);
echo "Sum: " . $x + 1 . "\n";
echo implode(' ', [1 <=> 2, 'b' <=> 'a', [1] <=> [1]]), "\n";
$s = 'abc';
$s[1] = 'X';
$s[5] = '!';
var_dump($s);
echo str_repeat('-', 3) . PHP_EOL;
printf("%s %s %s\n", ...['x', 'y', 'z']);
echo sprintf('%06.2f|%+.1e|%x|%o|%c|%%|%5.1f', 3.14159, 12345.678, 255, 8, 97, -2.25), "\n";
$heading = 'Title';
echo "<h1>$heading</h1>\n";
?>
Inline HTML between blocks: <?= strtoupper('short echo') ?> and <?= 1 + 1 ?>

<?php if ($x > 1): ?>
  conditional block shown
<?php else: ?>
  hidden
<?php endif; ?>
<?php foreach ([1, 2] as $i): ?>
  item <?= $i ?>

<?php endforeach ?>
end
