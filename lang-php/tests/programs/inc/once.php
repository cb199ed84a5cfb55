<?php
echo "once.php loaded\n";
