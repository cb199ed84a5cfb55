# json (stub)
