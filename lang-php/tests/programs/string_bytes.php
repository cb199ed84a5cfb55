<?php
$s = "héllo";
echo strlen($s), " ", strtoupper("abc"), " ", strtoupper($s), " ", substr($s, 0, 3), "\n";
echo str_pad("5", 3, "0", STR_PAD_LEFT), ord("é"), "\n";
echo json_encode("héllo"), " ", json_encode("héllo", JSON_UNESCAPED_UNICODE), "\n";
echo implode(",", str_split("ab")), "\n";
