<?php
$inventory = [
    ['sku' => 'A1', 'name' => 'Widget', 'qty' => 10, 'price' => 2.50, 'tags' => ['tools', 'small']],
    ['sku' => 'B2', 'name' => 'Gadget', 'qty' => 0, 'price' => 12.99, 'tags' => ['electronics']],
    ['sku' => 'C3', 'name' => 'Doohickey', 'qty' => 5, 'price' => 7.25, 'tags' => ['tools']],
];
$inStock = array_filter($inventory, fn($i) => $i['qty'] > 0);
echo "In stock: ", implode(", ", array_column($inStock, 'name')), "\n";
$value = array_sum(array_map(fn($i) => $i['qty'] * $i['price'], $inventory));
echo "Total value: ", number_format($value, 2), "\n";
$byTag = [];
foreach ($inventory as $item) foreach ($item['tags'] as $t) $byTag[$t][] = $item['sku'];
ksort($byTag);
print_r($byTag);
usort($inventory, fn($a, $b) => $b['price'] <=> $a['price']);
foreach ($inventory as $i => $item) printf("%d. %-10s %6.2f x %2d\n", $i + 1, $item['name'], $item['price'], $item['qty']);
$index = array_combine(array_column($inventory, 'sku'), $inventory);
echo $index['C3']['name'], "\n";
$index['A1']['qty'] -= 3;
echo $index['A1']['qty'], " ", $inventory[2]['qty'], "\n";
echo json_encode(array_map(fn($i) => ['sku' => $i['sku'], 'total' => round($i['qty'] * $i['price'], 2)], $inventory)), "\n";
var_export(array_slice($inventory, 0, 1));
echo "\n";
