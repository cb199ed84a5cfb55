<?php
$vals = [0, 1, -1, '0', '', '1', 'a', '1a', ' 1', '1 ', '1.0', '1e0', null, true, false, [], [0], 0.0, '00', 'abc', INF];
$names = array_map(fn($v) => var_export($v, true), $vals);
foreach ($vals as $i => $a) {
    $row = '';
    foreach ($vals as $j => $b) {
        $row .= ($a == $b) ? '=' : (($a < $b) ? '<' : (($a > $b) ? '>' : '?'));
    }
    printf("%-8s %s\n", str_replace("\n", '', $names[$i]), $row);
}
echo "spaceship:\n";
foreach ([[1, 2], ['a', 'b'], ['10', '9'], ['10', '9a'], [[1, 2], [1, 3]], [null, false], [1.5, 1.5], ['abc', 'abcd']] as [$x, $y]) {
    echo json_encode($x), ' <=> ', json_encode($y), ' = ', $x <=> $y, "\n";
}
var_dump('abc' == 0, '1' == '01', '10' == '1e1', 100 == '1e2', null == false, [] == false, '0' == false, '' == null, 'a' == 'A');
var_dump(0 === '0', 1.0 === 1, '1' === '1', [1, 2] === [1, 2], [1, 2] == [2 => 1], ['a' => 1, 'b' => 2] == ['b' => 2, 'a' => 1], ['a' => 1, 'b' => 2] === ['b' => 2, 'a' => 1]);
var_dump(max('apple', 'banana'), max([1, 2], [1, 3]), min(1, '0.5'), max('10', '9'), max('abc', 0), min('abc', 0));
var_dump(in_array('1e1', ['10']), in_array('abc', [0]), in_array(null, ['']), array_search('1', [0, 1, '1']));
var_dump((bool) '0.0', (bool) [], (bool) [0], (bool) 0.0, (bool) 'false', (bool) new stdClass);
