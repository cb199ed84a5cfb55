add = lambda a, b=1: a + b
print(add(1), add(1, 2), (lambda *a: sum(a))(1, 2, 3), (lambda **k: sorted(k))(x=1, y=2))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(sorted([(1, "b"), (2, "a")], key=lambda t: t[1]), list(map(lambda x, y: x * y, [1, 2], [3, 4])))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print((lambda: (yield 1))().__class__.__name__ if False else "skip", (lambda x: x if x else "empty")(""))
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print([cond(v) for v in [-1, 0, 1]])
