<?php
// A small event/pipeline library in the style of real code.
final class Event
{
    public function __construct(
        public readonly string $type,
        public readonly array $payload = [],
        public readonly float $at = 0.0,
    ) {}
    public function with(string $k, mixed $v): static
    {
        return new static($this->type, [...$this->payload, $k => $v], $this->at);
    }
}

class Dispatcher
{
    private array $listeners = [];
    public function on(string $type, callable $fn, int $prio = 0): void { $this->listeners[$type][$prio][] = $fn; }
    public function dispatch(Event $e): array
    {
        $out = [];
        $byPrio = $this->listeners[$e->type] ?? [];
        krsort($byPrio);
        foreach ($byPrio as $prio => $fns) {
            foreach ($fns as $fn) { $out[] = $fn($e) ?? "(null from $prio)"; }
        }
        return $out;
    }
}

function readLines(string $text): Generator
{
    foreach (explode("\n", $text) as $i => $line) {
        if (trim($line) === '') continue;
        yield $i + 1 => $line;
    }
}

function parse(iterable $lines): Generator
{
    foreach ($lines as $no => $line) {
        if (!preg_match('/^(?<type>\w+)\s*:\s*(?<rest>.*)$/', $line, $m)) {
            echo "skip line $no: ", var_export($line, true), "\n";
            continue;
        }
        parse_str(str_replace([';', ' '], ['&', ''], $m['rest']), $kv);
        yield new Event(strtolower($m['type']), $kv, (float)$no);
    }
}

$log = <<<TXT
LOGIN: user=alice; ip=10.0.0.1
noise line
PURCHASE: user=alice; item=book; price=12.50

LOGOUT: user=alice
PURCHASE: user=bob; item=pen; price=1.25
TXT;

$d = new Dispatcher();
$totals = [];
$d->on('purchase', function (Event $e) use (&$totals) {
    $u = $e->payload['user'];
    $totals[$u] = ($totals[$u] ?? 0) + (float)$e->payload['price'];
    return sprintf('%s bought %s', $u, $e->payload['item']);
});
$d->on('purchase', fn(Event $e) => null, -5);
$d->on('login', static fn(Event $e): string => "hello {$e->payload['user']} from {$e->payload['ip']}", 10);
$d->on('logout', 'strtoupper' === 'x' ? 'trim' : fn($e) => "bye " . $e->payload['user']);

foreach (parse(readLines($log)) as $ev) {
    $ev2 = $ev->with('seen', true);
    foreach ($d->dispatch($ev2) as $line) echo "  ", $line, "\n";
}
arsort($totals);
foreach ($totals as $u => $t) printf("%-6s %6.2f\n", $u, $t);
echo str_repeat('-', 14), "\n";
$words = array_count_values(str_word_count(strtolower("The cat and the hat and the bat"), 1));
arsort($words);
print_r(array_slice($words, 0, 3, true));
$matrix = [[1, 2, 3], [4, 5, 6]];
$t = array_map(null, ...$matrix);
echo json_encode($t), "\n";
echo implode(' ', array_map(fn($r) => array_sum($r), $matrix)), "\n";
[$a, [$b, $c]] = [1, [2, 3]];
['x' => $x, 'y' => $y] = ['x' => 'X', 'y' => 'Y'];
echo "$a$b$c$x$y\n";
$s = new SplStack();
