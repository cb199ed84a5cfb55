<?php
$a = 5 5;
