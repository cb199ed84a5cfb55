print([x * y for x in range(1, 4) for y in range(1, 4) if x != y])
print({x % 3: x for x in range(10)}, sorted({c.upper() for c in "abca"}), sorted({c for c in "mississippi"}))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
names = ["al", "bo", "cy"]
print({n: len(n) for n in names}, [(i, n) for i, n in enumerate(names, 1)])
x = 10
print([x for x in range(3)], x)
print([y for y in [lambda: 1, lambda: 2]][1](), [(lambda v: v * 2)(v) for v in range(3)])
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
print([a if a % 2 else -a for a in range(6)], [w for w in "one two three".split() if len(w) > 3])
gen = (i * 2 for i in range(4))
print(next(gen), list(gen))
print(list(zip(*[(1, "a"), (2, "b")])))
print({k: v for k, v in zip("abc", range(3)) if v}, dict((k, v * 2) for k, v in {"q": 1}.items()))
