# random (stub)
