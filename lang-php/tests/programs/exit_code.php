<?php
echo "before exit\n";
function stop() { exit(3); }
try { stop(); } finally { echo "finally should not run\n"; }
echo "never\n";
