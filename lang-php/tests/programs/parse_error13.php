<?php
class A {
    public function f() {
        echo "x"
    }
}
