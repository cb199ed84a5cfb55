<?php
interface HasColor { public function color(): string; }
enum Suit: string implements HasColor {
    case Hearts = 'H';
    case Spades = 'S';
    case Clubs = 'C';
    const Wild = self::Spades;
    public function color(): string {
        return match ($this) {
            Suit::Hearts => 'Red',
            Suit::Spades, self::Clubs => 'Black',
        };
    }
    public static function fromChar(string $c): self { return self::from($c); }
    public function label(): string { return ucfirst(strtolower($this->name)); }
}
enum Status { case Active; case Inactive; }
enum Level: int { case Low = 1; case High = 10; }
echo Suit::Hearts->value, " ", Suit::Hearts->name, " ", Suit::Hearts->color(), "\n";
var_dump(Suit::Hearts);
var_dump(Suit::from('S'));
var_dump(Suit::tryFrom('X'));
var_dump(Suit::Hearts === Suit::from('H'));
var_dump(Suit::Hearts == Suit::Spades);
var_dump(Suit::Hearts instanceof UnitEnum, Suit::Hearts instanceof BackedEnum, Status::Active instanceof BackedEnum, Suit::Hearts instanceof HasColor);
print_r(Suit::cases());
print_r(Status::cases());
var_dump(Status::Active);
print_r(Status::Active); echo "\n";
echo Suit::Wild->name, "\n";
echo Suit::fromChar('C')->label(), "\n";
echo Level::from(10)->name, " ", Level::tryFrom(3) === null ? "null" : "x", "\n";
echo json_encode(['s' => Suit::Hearts, 'l' => Level::High]), "\n";
var_export(Suit::Clubs); echo "\n";
var_dump(Suit::Hearts->name);
$fn = fn(Suit $s) => $s->name;
echo implode(",", array_map($fn, Suit::cases())), "\n";
echo gettype(Status::Active), " ", get_class(Status::Inactive), "\n";
echo count(Level::cases()), "\n";
$x = Status::Active;
echo match($x) { Status::Active => "on", Status::Inactive => "off" }, "\n";
try { Level::from(7); } catch (ValueError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { Suit::from('Z'); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { $h = Suit::Hearts; $h->name = 'x'; } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { new Status(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
$arr = [Suit::Hearts, Suit::Spades];
var_dump(in_array(Suit::Spades, $arr, true));
