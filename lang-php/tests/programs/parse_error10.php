<?php
if ($x) {
  echo 1;
} else if {
}
