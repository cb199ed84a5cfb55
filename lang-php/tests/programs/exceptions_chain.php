<?php
class AppException extends RuntimeException {
    public function __construct(string $msg, private string $ctx = 'none', int $code = 0, ?Throwable $prev = null) {
        parent::__construct($msg, $code, $prev);
    }
    public function ctx() { return $this->ctx; }
}
class DbException extends AppException {}

function query($sql) {
    if ($sql === '') throw new InvalidArgumentException('empty query', 11);
    if (str_contains($sql, 'DROP')) throw new DbException('forbidden', 'db', 403);
    return "ok: $sql";
}
function service($sql) {
    try {
        return query($sql);
    } catch (InvalidArgumentException $e) {
        throw new AppException('service failed', 'svc', 500, $e);
    } finally {
        echo "[finally for '$sql']\n";
    }
}
foreach (['SELECT 1', '', 'DROP TABLE x'] as $sql) {
    try {
        echo service($sql), "\n";
    } catch (DbException | LengthException $e) {
        echo get_class($e), " {$e->getMessage()} code={$e->getCode()} ctx={$e->ctx()}\n";
    } catch (AppException $e) {
        echo get_class($e), " {$e->getMessage()} code={$e->getCode()}\n";
        $p = $e->getPrevious();
        echo "  caused by ", get_class($p), ": ", $p->getMessage(), " (", $p->getCode(), ")\n";
        echo "  line ", $p->getLine(), " file ", basename($p->getFile()), "\n";
    }
}
function nested() {
    try {
        try {
            throw new LogicException("inner");
        } finally {
            echo "inner finally\n";
        }
    } catch (Exception $e) {
        echo "outer caught ", $e->getMessage(), "\n";
        return "from catch";
    } finally {
        echo "outer finally\n";
    }
}
echo nested(), "\n";
function finallyOverrides() {
    try { return "try"; } finally { echo "cleanup\n"; }
}
echo finallyOverrides(), "\n";
$r = null;
try {
    $r = intdiv(1, 0);
} catch (DivisionByZeroError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try { echo 1 % 0; } catch (ArithmeticError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { throw new ErrorException("ee", 1); } catch (Exception $e) { echo get_class($e), "\n"; }
$e = new Exception("msg");
echo get_class($e), ' ', $e->getMessage(), ' ', $e->getCode(), ' ', $e->getLine(), "\n";
echo $e instanceof Throwable ? "throwable\n" : "no\n";
$f = fn($x) => $x ?? throw new UnexpectedValueException("null!");
try { $f(null); } catch (UnexpectedValueException $e) { echo $e->getMessage(), "\n"; }
