# typing (stub)
