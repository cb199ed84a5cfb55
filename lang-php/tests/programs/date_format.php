<?php
foreach ([0, 86399, 951782400, 1000000000, 1234567890, 1700000000, -86400, 2147483647, 1609459199, 1104537600, 1230768000] as $t) {
    echo date('Y-m-d H:i:s D l N jS z W o F M n t L y a A g G h U c r', $t), "\n";
}
echo date('\Y\e\a\r: Y', 0), "\n";
echo mktime(0, 0, 0, 2, 30, 2024), ' ', mktime(12, 30, 0, 13, 1, 2023), ' ', date('Y-m-d', mktime(0, 0, 0, 1, 0, 2024)), "\n";
var_dump(checkdate(2, 29, 2023), checkdate(2, 29, 2024));
