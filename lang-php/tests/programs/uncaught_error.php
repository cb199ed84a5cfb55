<?php
class Foo { public function bar($x) { return $x->baz(); } }
$f = new Foo;
$f->bar(null);
