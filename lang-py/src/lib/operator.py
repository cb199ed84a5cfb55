# operator (stub)
