<?php
$data = ['name' => 'Widget', 'price' => 9.99, 'tags' => ['a', 'b'], 'dims' => ['w' => 1.5, 'h' => 2], 'active' => true, 'parent' => null, 'count' => 0, 'ratio' => 0.5, 'big' => 1.0e25, 'neg' => -3];
$json = json_encode($data);
echo $json, "\n";
$back = json_decode($json, true);
var_dump($back === $data);
echo json_encode($back, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
$obj = json_decode('{"a":{"b":[1,2,{"c":"d"}]},"e":"\u00e9\n"}');
echo $obj->a->b[2]->c, " ", json_encode($obj->e), " ", get_class($obj), "\n";
var_dump(json_decode('[1,"2",3.5,true,null]'));
var_dump(json_decode('invalid'), json_decode('{"x":1}', true)['x']);
echo json_encode("unicode: ü €"), " ", json_encode(3.0), " ", json_encode(0.1 + 0.2), " ", json_encode([1 => 'a', 2 => 'b']), " ", json_encode([0 => 'a', 1 => 'b']), "\n";
echo json_encode(['slash' => 'a/b', 'quote' => "\"q\"", 'tab' => "\t"]), "\n";
