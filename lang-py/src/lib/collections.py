# collections (stub)
