<?php
$values = [42, -0.5, '12abc', '0x1A', '  7', '', '0', 'true', null, true, [1], 1e3, '1e3', 'abc'];
foreach ($values as $v) {
    printf("%-10s %-8s int=%s float=%s bool=%s str=%s\n",
        str_replace("\n", '', var_export($v, true)), gettype($v),
        var_export(is_array($v) ? 'arr' : @intval($v), true),
        var_export(is_array($v) ? 'arr' : @floatval($v), true),
        var_export((bool) $v, true),
        is_array($v) ? 'Array' : var_export(@strval($v), true));
}
$x = '123';
settype($x, 'integer'); var_dump($x);
settype($x, 'float'); var_dump($x);
settype($x, 'string'); var_dump($x);
settype($x, 'array'); var_dump($x);
settype($x, 'bool'); var_dump($x);
$n = null; settype($n, 'array'); var_dump($n);
var_dump(intval('42', 8), intval('0b11', 0), intval('0x1f', 16), intval('0x1f', 0), intval('012', 0), intval(42.99), intval('-0'));
var_dump(is_numeric('1e5'), is_numeric(' 5'), is_numeric('5 '), is_numeric('0x1A'), is_numeric('.5'), is_numeric('-'), is_numeric(null));
var_dump((string) 1.0, (string) 0.1, (string) 1e25, (string) -1.5e-9, (string) 100000000000000000000.0, strval(7E-10));
var_dump((array) 'str', (array) null, (object) ['a' => 1]);
var_dump(get_debug_type(1), get_debug_type(1.0), get_debug_type('s'), get_debug_type(null), get_debug_type([]), get_debug_type(new ArrayObject), get_debug_type(false));
var_dump(is_int(5), is_float(5.0), is_string(''), is_bool(0), is_null(null), is_array([]), is_object(new stdClass), is_scalar(1.5), is_scalar(null), is_iterable([1]));
var_dump(boolval('0'), boolval('00'), boolval(0.0), boolval('0.0'), boolval([]), boolval(-1));
var_dump(PHP_INT_MAX == PHP_INT_MAX + 0.0, 0.1 + 0.7, (0.1 + 0.7) * 10, (int) ((0.1 + 0.7) * 10), floor((0.1 + 0.7) * 10));
var_dump(is_int(microtime(true)), is_float(microtime(true)), is_string(microtime()), is_int(time()), is_int(hrtime(true)), is_array(hrtime()), time() > 1600000000);
