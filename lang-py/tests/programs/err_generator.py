def items():
    yield 1
    yield 2
    raise ValueError("generator failed")
for x in items():
    print(x)
