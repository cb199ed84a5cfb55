<?php
function a(): float { return 5; }
function b(): int { return "7"; }
function c(): string { return 12; }
function d(): ?int { return null; }
function e(): void { return; }
var_dump(a(), b(), c(), d(), e());
function g(): int { return "x"; }
try { g(); } catch (TypeError $t) { echo $t->getMessage(), "\n"; }
function h(): int { return 1.5; }
try { var_dump(h()); } catch (TypeError $t) { echo $t->getMessage(), "\n"; }
function i(): array|false { return false; }
var_dump(i());
