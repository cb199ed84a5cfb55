<?php
class ValidationError extends InvalidArgumentException {
    private array $errors;
    public function __construct(string $message, array $errors = []) { parent::__construct($message, 422); $this->errors = $errors; }
    public function getErrors(): array { return $this->errors; }
}
function validate(array $data) {
    $errs = [];
    if (empty($data['name'])) $errs[] = "name required";
    if (($data['age'] ?? 0) < 18) $errs[] = "too young";
    if ($errs) throw new ValidationError("invalid", $errs);
    return true;
}
try { validate(['age' => 5]); } catch (ValidationError $e) { echo $e->getMessage(), " ", $e->getCode(), " ", implode("; ", $e->getErrors()), "\n"; }
var_dump(validate(['name' => 'x', 'age' => 20]));
function level3() { throw new RuntimeException("L3"); }
function level2() { try { level3(); } catch (LogicException $e) { echo "wrong\n"; } finally { echo "l2 finally\n"; } }
function level1() { try { level2(); } catch (RuntimeException $e) { echo "l1 caught ", $e->getMessage(), "\n"; throw new LogicException("rethrown", 0, $e); } }
try { level1(); } catch (Exception $e) { echo get_class($e), " <- ", get_class($e->getPrevious()), " ", $e->getPrevious()->getMessage(), "\n"; }
function retfin() { try { throw new Exception("e"); } catch (Exception $e) { return "from catch"; } finally { echo "[finally] "; } }
echo retfin(), "\n";
function nested() { try { try { throw new Exception("inner"); } finally { echo "inner-finally "; } } catch (Exception $e) { echo "outer-catch:", $e->getMessage(), " "; } finally { echo "outer-finally"; } echo "\n"; }
nested();
$r = (function() { foreach ([1, 2, 3] as $v) { try { if ($v == 2) return "ret$v"; } finally { echo "f$v "; } } })();
echo $r, "\n";
try { throw new ErrorException("ee"); } catch (Exception $e) { echo get_class($e), "\n"; }
echo (new Exception("m"))->getLine(), "\n";
$e = new Exception("str test");
echo get_class($e), "|", $e->getMessage(), "|", $e->getCode(), "|", basename($e->getFile()), "\n";
try { [] > 0 ? throw new Exception("t") : null; echo "no\n"; } catch (Exception $e) { echo "caught t\n"; }
