<?php
function f($a) {
    return $a +;
}
