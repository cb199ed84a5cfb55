<?php
declare(strict_types=1);

final class LineItem {
    public function __construct(
        public readonly string $sku,
        public readonly string $title,
        public readonly int $qty,
        public readonly float $unitPrice,
        public readonly float $taxRate = 0.2,
    ) {}
    public function net(): float { return $this->qty * $this->unitPrice; }
    public function tax(): float { return round($this->net() * $this->taxRate, 2); }
}

class Invoice {
    /** @var LineItem[] */
    private array $items = [];
    private array $discounts = [];
    public function __construct(private string $number, private string $customer) {}
    public function add(LineItem $item): static { $this->items[] = $item; return $this; }
    public function discount(string $label, float $pct): static { $this->discounts[$label] = $pct; return $this; }
    public function totals(): array {
        $net = array_sum(array_map(fn(LineItem $i) => $i->net(), $this->items));
        $tax = array_sum(array_map(fn(LineItem $i) => $i->tax(), $this->items));
        $disc = 0.0;
        foreach ($this->discounts as $pct) $disc += $net * $pct / 100;
        return ['net' => $net, 'discount' => round($disc, 2), 'tax' => $tax, 'gross' => round($net - $disc + $tax, 2)];
    }
    public function render(): string {
        $out = sprintf("Invoice %s for %s\n", $this->number, $this->customer);
        $out .= str_repeat('-', 52) . "\n";
        $out .= sprintf("%-8s %-20s %4s %8s %9s\n", 'SKU', 'Item', 'Qty', 'Price', 'Net');
        foreach ($this->items as $i) {
            $out .= sprintf("%-8s %-20.20s %4d %8s %9s\n", $i->sku, $i->title, $i->qty,
                number_format($i->unitPrice, 2), number_format($i->net(), 2));
        }
        $out .= str_repeat('-', 52) . "\n";
        foreach ($this->totals() as $label => $v) {
            $out .= str_pad(ucfirst($label), 43, ' ', STR_PAD_LEFT) . str_pad(number_format($v, 2, ',', '.'), 9, ' ', STR_PAD_LEFT) . "\n";
        }
        return $out;
    }
}
$inv = (new Invoice('2024-0042', 'ACME GmbH'))
    ->add(new LineItem('A-100', 'Widget with a rather long name', 12, 3.99))
    ->add(new LineItem('B-200', 'Gadget', 1, 1299.5, 0.07))
    ->add(new LineItem('C-300', 'Service hour', 7, 85.0))
    ->discount('loyalty', 5)
    ->discount('bulk', 2.5);
echo $inv->render();
$item = new LineItem('X', 'x', 1, 1.0);
try {
    $item->qty = 5;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    new LineItem('Y', 'y', '3', 1.0);
} catch (TypeError $e) {
    echo 'TypeError: ', explode(', called', $e->getMessage())[0], "\n";
}
