<?php
function f() {
  if (true) {
    echo 1;
}
