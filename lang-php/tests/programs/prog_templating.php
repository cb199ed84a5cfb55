<?php
function render(string $tpl, array $vars): string {
    return preg_free_replace($tpl, $vars);
}
function preg_free_replace($tpl, $vars) {
    $out = ''; $i = 0; $n = strlen($tpl);
    while ($i < $n) {
        if ($tpl[$i] === '{' && $i + 1 < $n && $tpl[$i + 1] === '{') {
            $end = strpos($tpl, '}}', $i);
            $key = trim(substr($tpl, $i + 2, $end - $i - 2));
            $out .= htmlspecialchars((string)($vars[$key] ?? "[$key?]"));
            $i = $end + 2;
        } else { $out .= $tpl[$i]; $i++; }
    }
    return $out;
}
$tpl = "<h1>{{ title }}</h1>\n<p>Hello {{name}}, you have {{ count }} new {{ missing }}</p>";
echo render($tpl, ['title' => 'Inbox & More', 'name' => '<Ann>', 'count' => 3]), "\n";
$rows = [['Ann', 31, 'Paris'], ['Bob', 4, 'Rome']];
$widths = [];
foreach ($rows as $r) foreach ($r as $i => $c) $widths[$i] = max($widths[$i] ?? 0, strlen((string)$c));
$line = '+' . implode('+', array_map(fn($w) => str_repeat('-', $w + 2), $widths)) . '+';
echo $line, "\n";
foreach ($rows as $r) { echo '|'; foreach ($r as $i => $c) echo ' ', is_int($c) ? str_pad($c, $widths[$i], ' ', STR_PAD_LEFT) : str_pad($c, $widths[$i]), ' |'; echo "\n"; }
echo $line, "\n";
ob_start();
echo "captured ";
print "text";
$cap = ob_get_clean();
echo strtoupper($cap), " (", strlen($cap), ")\n";
