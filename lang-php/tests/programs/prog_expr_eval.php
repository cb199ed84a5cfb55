<?php
class ParseError2 extends Exception {}
class Lexer {
    private int $pos = 0;
    public array $tokens = [];
    public function __construct(private string $src) {
        $n = strlen($src);
        while ($this->pos < $n) {
            $c = $src[$this->pos];
            if (ctype_space($c)) { $this->pos++; continue; }
            if (ctype_digit($c) || $c === '.') {
                $start = $this->pos;
                while ($this->pos < $n && (ctype_digit($src[$this->pos]) || $src[$this->pos] === '.')) $this->pos++;
                $this->tokens[] = ['num', (float) substr($src, $start, $this->pos - $start)];
                continue;
            }
            if (ctype_alpha($c)) {
                $start = $this->pos;
                while ($this->pos < $n && ctype_alnum($src[$this->pos])) $this->pos++;
                $this->tokens[] = ['id', substr($src, $start, $this->pos - $start)];
                continue;
            }
            if (strpos('+-*/^(),', $c) !== false) { $this->tokens[] = ['op', $c]; $this->pos++; continue; }
            throw new ParseError2("unexpected '$c' at {$this->pos}");
        }
        $this->tokens[] = ['eof', null];
    }
}
class Parser {
    private int $i = 0;
    private array $t;
    public function __construct(string $src, private array $vars = []) { $this->t = (new Lexer($src))->tokens; }
    private function peek() { return $this->t[$this->i]; }
    private function eat($v = null) {
        $tok = $this->t[$this->i++];
        if ($v !== null && $tok[1] !== $v) throw new ParseError2("expected $v, got " . var_export($tok[1], true));
        return $tok;
    }
    public function parse() { $v = $this->expr(); $this->eat(null); return $v; }
    private function expr() {
        $v = $this->term();
        while (in_array($this->peek()[1], ['+', '-'], true)) {
            $op = $this->eat()[1];
            $r = $this->term();
            $v = $op === '+' ? $v + $r : $v - $r;
        }
        return $v;
    }
    private function term() {
        $v = $this->factor();
        while (in_array($this->peek()[1], ['*', '/'], true)) {
            $op = $this->eat()[1];
            $r = $this->factor();
            if ($op === '/' && $r == 0) throw new DivisionByZeroError("Division by zero");
            $v = $op === '*' ? $v * $r : $v / $r;
        }
        return $v;
    }
    private function factor() {
        $b = $this->unary();
        if ($this->peek()[1] === '^') { $this->eat(); return $b ** $this->factor(); }
        return $b;
    }
    private function unary() {
        if ($this->peek()[1] === '-') { $this->eat(); return -$this->unary(); }
        return $this->atom();
    }
    private function atom() {
        [$kind, $val] = $this->eat();
        switch ($kind) {
            case 'num': return $val;
            case 'id':
                if ($this->peek()[1] === '(') {
                    $this->eat('(');
                    $args = [$this->expr()];
                    while ($this->peek()[1] === ',') { $this->eat(); $args[] = $this->expr(); }
                    $this->eat(')');
                    return match ($val) {
                        'max' => max(...$args), 'min' => min(...$args), 'sqrt' => sqrt($args[0]),
                        'abs' => abs($args[0]), default => throw new ParseError2("unknown function $val"),
                    };
                }
                if (!array_key_exists($val, $this->vars)) throw new ParseError2("undefined $val");
                return $this->vars[$val];
            case 'op':
                if ($val === '(') { $v = $this->expr(); $this->eat(')'); return $v; }
            default:
                throw new ParseError2("unexpected " . var_export($val, true));
        }
    }
}
$tests = ['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '-4 + 10 / 4', 'max(1, x, 3) * 2', 'sqrt(16) + abs(-2.5)',
    '1 / 0', '2 * (3 + ', 'foo(1)', 'y + 1', '3 $ 4', '0.1 + 0.2', '10 / 3', '2 ^ 0.5', '1e3'];
foreach ($tests as $src) {
    try {
        $v = (new Parser($src, ['x' => 7]))->parse();
        echo str_pad($src, 22), '= ', $v, "\n";
    } catch (ParseError2 $e) {
        echo str_pad($src, 22), '! ', $e->getMessage(), "\n";
    } catch (DivisionByZeroError $e) {
        echo str_pad($src, 22), '! div: ', $e->getMessage(), "\n";
    }
}
