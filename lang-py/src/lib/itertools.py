# itertools (stub)
