<?php
// Destructors at the script's end, as php's shutdown runs them: objects held
// once by a global variable in reverse order of the globals, then every other
// in creation order (objects php would free earlier are also destructed here).
function __shutdown() {
    $objs = __dtor_objects();
    if (!$objs) return;
    $done = []; $seen = [];
    foreach ($GLOBALS as $v) { if (is_object($v)) { $i = spl_object_id($v); $seen[$i] = ($seen[$i] ?? 0) + 1; } }
    foreach (array_reverse($GLOBALS, true) as $v) {
        if (is_object($v) && method_exists($v, '__destruct')) {
            $i = spl_object_id($v);
            if ($seen[$i] === 1 && !isset($done[$i])) { $done[$i] = true; $v->__destruct(); }
        }
    }
    foreach ($objs as $o) { $i = spl_object_id($o); if (!isset($done[$i])) { $done[$i] = true; $o->__destruct(); } }
}
