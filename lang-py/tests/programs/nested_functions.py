def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(outer(1)(2)(3), outer("x")("y")("z"))
def make_ops():
    def add(x, y): return x + y
    def mul(x, y): return x * y
    return {"add": add, "mul": mul}
ops = make_ops()
print(ops["add"](2, 3), ops["mul"](2, 3), sorted(ops))
def apply_n(f, n):
    def g(x):
        for _ in range(n):
            x = f(x)
        return x
    return g
print(apply_n(lambda v: v * 2, 10)(1), apply_n(str.upper, 1)("abc"))
def recursive_inner(n):
    def walk(k, acc):
        if k == 0:
            return acc
        return walk(k - 1, acc + [k])
    return walk(n, [])
print(recursive_inner(5))
