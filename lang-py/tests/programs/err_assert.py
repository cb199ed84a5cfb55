def check(v):
    assert v > 0, f"value must be positive, got {v}"
    return v
print(check(5))
check(-1)
