<?php
$edges = [['A', 'B', 4], ['A', 'C', 2], ['B', 'C', 5], ['B', 'D', 10], ['C', 'E', 3], ['E', 'D', 4], ['D', 'F', 11], ['E', 'F', 20], ['G', 'H', 1]];
$adj = [];
foreach ($edges as [$u, $v, $w]) {
    $adj[$u][$v] = $w;
    $adj[$v][$u] = $w;
}
ksort($adj);
function bfs(array $adj, string $start): array {
    $seen = [$start => 0];
    $queue = [$start];
    while ($queue) {
        $n = array_shift($queue);
        $next = array_keys($adj[$n] ?? []);
        sort($next);
        foreach ($next as $m) {
            if (!isset($seen[$m])) { $seen[$m] = $seen[$n] + 1; $queue[] = $m; }
        }
    }
    return $seen;
}
function dfs(array $adj, string $n, array &$visited = []): array {
    $visited[$n] = true;
    $order = [$n];
    $next = array_keys($adj[$n]);
    sort($next);
    foreach ($next as $m) {
        if (empty($visited[$m])) $order = array_merge($order, dfs($adj, $m, $visited));
    }
    return $order;
}
function dijkstra(array $adj, string $src): array {
    $dist = array_fill_keys(array_keys($adj), INF);
    $prev = [];
    $dist[$src] = 0;
    $todo = $dist;
    while ($todo) {
        asort($todo);
        $u = array_key_first($todo);
        $du = $todo[$u];
        unset($todo[$u]);
        if ($du === INF) break;
        foreach ($adj[$u] as $v => $w) {
            if (isset($todo[$v]) && $du + $w < $dist[$v]) {
                $dist[$v] = $du + $w;
                $todo[$v] = $dist[$v];
                $prev[$v] = $u;
            }
        }
    }
    return [$dist, $prev];
}
print_r(bfs($adj, 'A'));
echo implode(' -> ', dfs($adj, 'A')), "\n";
[$dist, $prev] = dijkstra($adj, 'A');
foreach ($dist as $n => $d) {
    $path = [$n];
    while (isset($prev[$path[0]])) array_unshift($path, $prev[$path[0]]);
    printf("%s: %s via %s\n", $n, is_infinite($d) ? 'unreachable' : $d, implode('', $path));
}
// connected components
$comp = [];
$id = 0;
foreach (array_keys($adj) as $n) {
    if (isset($comp[$n])) continue;
    $id++;
    foreach (array_keys(bfs($adj, $n)) as $m) $comp[$m] = $id;
}
echo json_encode($comp), "\n";
var_dump(INF, -INF, is_nan(NAN), INF > PHP_INT_MAX);
