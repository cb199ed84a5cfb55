# functools (stub)
