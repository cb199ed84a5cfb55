# abc (stub)
