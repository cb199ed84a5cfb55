# dataclasses (stub)
