<?php
echo $argc, ' ', count($argv), ' ', basename($argv[0]), "\n";
var_dump($_SERVER['argc'] ?? null);
fwrite(STDOUT, "to stdout\n");
fwrite(STDERR, "to stderr\n");
fprintf(STDOUT, "%s-%d\n", 'fmt', 5);
file_put_contents('php://stdout', "via wrapper\n");
file_put_contents('php://stderr', "err via wrapper\n");
echo "done\n";
