<?php
class AppException extends RuntimeException {}
function loadConfig($path) { throw new AppException("Config not found: $path", 404); }
try { loadConfig("/etc/x"); } catch (LogicException $e) { echo "no\n"; }
