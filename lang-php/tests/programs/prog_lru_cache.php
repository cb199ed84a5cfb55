<?php
class LRUCache {
    private array $map = [];
    private int $hits = 0;
    private int $misses = 0;
    public function __construct(private int $capacity) {}
    public function get(string|int $key): mixed {
        if (!array_key_exists($key, $this->map)) { $this->misses++; return null; }
        $this->hits++;
        $v = $this->map[$key];
        unset($this->map[$key]);
        $this->map[$key] = $v;       // move to most-recent
        return $v;
    }
    public function put(string|int $key, mixed $value): void {
        if (array_key_exists($key, $this->map)) {
            unset($this->map[$key]);
        } elseif (count($this->map) >= $this->capacity) {
            $oldest = array_key_first($this->map);
            echo "  evict $oldest\n";
            unset($this->map[$oldest]);
        }
        $this->map[$key] = $value;
    }
    public function keys(): array { return array_keys($this->map); }
    public function stats(): string { return sprintf("hits=%d misses=%d ratio=%.3f", $this->hits, $this->misses, $this->hits / max(1, $this->hits + $this->misses)); }
}
$c = new LRUCache(3);
foreach (['a' => 1, 'b' => 2, 'c' => 3] as $k => $v) $c->put($k, $v);
$c->get('a');
$c->put('d', 4);
echo implode(',', $c->keys()), "\n";
$c->put(10, 'ten');
$c->put('10', 'TEN');   // same key as 10
echo implode(',', $c->keys()), "\n";
var_dump($c->get(10), $c->get('b'));
// simulate a workload
mt_srand(11);
$big = new LRUCache(50);
for ($i = 0; $i < 5000; $i++) {
    $k = (int) (abs(sin($i)) * 120);
    if ($big->get($k) === null) {
        $big->put($k, $k * $k);
    }
}
ob_start();
echo $big->stats(), "\n";
$out = ob_get_clean();
echo strtoupper(trim($out)), "\n";
echo count($big->keys()), "\n";
