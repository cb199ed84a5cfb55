# float ** float / int in a hot loop: positive bases take the fast path;
# zero, negative, inf and nan bases and overflowing results behave as CPython.
acc = 0.0
for i in range(1, 3000):
    x = i * 0.37
    acc += x ** -1.5 + x ** 0.5 + (x / 100.0) ** 3 + 2 ** (x / 1000.0)
print(repr(acc))

cases = [(2.0, 0.5), (0.0, 2.0), (-8.0, 3), (-8.0, 2.0), (1.0, float("nan")),
         (float("inf"), 2.0), (float("inf"), -1.0), (2.0, float("inf")),
         (0.5, float("-inf")), (float("nan"), 0.0), (10.0, 400.0), (0.0, -1.0),
         (1e-300, 2.0), (2.0, -1074.0), (3, 2.0)]
for i in range(600):
    for a, b in cases:
        try:
            r = a ** b
        except (OverflowError, ZeroDivisionError) as e:
            r = type(e).__name__ + ": " + str(e)
        if i == 599:
            print(a, b, r)
