<?php
// preg_replace_callback (guest calls stay stackless in PHP), loaded for programs that name it.
function preg_replace_callback($pattern, $callback, $subject, $limit = -1, &$count = null, $flags = 0) {
    $count = 0;
    if (is_array($subject)) {
        $out = [];
        foreach ($subject as $k => $one) { $out[$k] = preg_replace_callback($pattern, $callback, $one, $limit, $c); $count += $c; }
        return $out;
    }
    $subject = (string)$subject;
    foreach ((array)$pattern as $p) {
        $ms = __preg_matches($p, $subject, $limit, 'preg_replace_callback');
        if ($ms === null) return null;
        $out = ''; $pos = 0;
        foreach ($ms as [$off, $len, $groups]) {
            $out .= substr($subject, $pos, $off - $pos) . $callback($groups);
            $pos = $off + $len;
            $count++;
        }
        $subject = $out . substr($subject, $pos);
    }
    return $subject;
}
function preg_replace_callback_array($pattern, $subject, $limit = -1, &$count = null, $flags = 0) {
    $count = 0;
    foreach ($pattern as $p => $cb) { $subject = preg_replace_callback($p, $cb, $subject, $limit, $c); $count += $c; }
    return $subject;
}
