names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), 1):
    print(i, n, a)
print(list(zip(names, ages, "xyz")), list(zip()), list(zip([1, 2, 3], [4])))
print(dict(zip(names, ages)), {n: i for i, n in enumerate(names)})
pairs = list(zip(*[(1, "a"), (2, "b"), (3, "c")]))
print(pairs)
print(list(enumerate("abc", -1)), [i for i, _ in enumerate(range(0))])
for idx, ch in reversed(list(enumerate("xyz"))):
    print(idx, ch, end="; ")
print()
m = {}
for k, v in zip("aabbc", range(5)):
    m.setdefault(k, []).append(v)
print(m)
