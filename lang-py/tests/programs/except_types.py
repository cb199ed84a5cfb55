cases = [
    lambda: 1 / 0,
    lambda: [][1],
    lambda: {}["k"],
    lambda: int("x"),
    lambda: None.attr,
    lambda: undefined_thing,
    lambda: "a" + 1,
    lambda: [].pop(),
    lambda: next(iter([])),
    lambda: (1).bad,
    lambda: {}.pop("z"),
    lambda: [1, 2].index(9),
    lambda: "abc".index("z"),
    lambda: int.nope,
    lambda: float("q"),
    lambda: [1] * "a",
    lambda: 2 ** 1000000.0,
]
for f in cases:
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, "|", e)
