<?php
class ValidationError extends DomainException {}
function validate(array $data) {
    if (!isset($data['email'])) {
        throw new ValidationError("email is required", 422);
    }
}
function handle($req) { validate($req); }
echo "start\n";
handle(['name' => 'x']);
echo "never\n";
