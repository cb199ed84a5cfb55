<?php
$text = <<<TXT
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair.
TXT;
$words = str_word_count(strtolower($text), 1);
echo count($words), " words, ", count(array_unique($words)), " distinct\n";
$freq = array_count_values($words);
arsort($freq);
$top = array_slice($freq, 0, 6, true);
foreach ($top as $w => $n) {
    printf("%-8s %3d %s\n", $w, $n, str_repeat('*', $n));
}
$lengths = array_map('strlen', $words);
printf("avg length %.3f, longest %s\n", array_sum($lengths) / count($lengths), $words[array_search(max($lengths), $lengths)]);
$lines = explode("\n", $text);
foreach ($lines as $i => $line) {
    echo str_pad((string) ($i + 1), 3, ' ', STR_PAD_LEFT), ' ', ucfirst(trim($line)), ' [', strlen($line), "]\n";
}
function split_clauses($t) { return explode(',', $t); }
$sentences = array_filter(array_map('trim', split_clauses($text)));
echo count($sentences), " clauses\n";
$letters = count_chars(strtolower(str_replace([' ', "\n", ',', '.'], '', $text)), 1);
arsort($letters);
$out = [];
foreach (array_slice($letters, 0, 5, true) as $c => $n) $out[] = chr($c) . "=$n";
echo implode(' ', $out), "\n";
echo wordwrap(ucwords(implode(' ', array_keys($top))), 20, "\n", true), "\n";
echo strrev(implode(',', array_slice($words, 0, 4))), "\n";
echo similar_text('times', 'tide'), ' ', levenshtein('season', 'reason'), "\n";
