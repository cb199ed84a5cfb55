<?php
function g() { yield 1; throw new LogicException("uncaught in gen"); }
$x = g();
$x->current();
$x->next();
