x = "global"
def f():
    x = "local"
    def g():
        return x
    return g()
print(f(), x)
def counter_factory():
    counts = {}
    def count(key):
        counts[key] = counts.get(key, 0) + 1
        return counts[key]
    return count
c = counter_factory()
c("a")
c("a")
print(c("a"), c("b"))
def make_multiplier(n):
    def mul(x):
        return x * n
    return mul
times3 = make_multiplier(3)
print(times3(7), make_multiplier(2)(5))
def accumulate():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return add
acc = accumulate()
acc(5)
print(acc(10))
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3()
    return level2()
print(level1())
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([fn() for fn in funcs])
def shadow():
    print = lambda *a: None
    print("hidden")
    return "done"
print(shadow())
y = 10
def read_global():
    return y + 1
print(read_global())
class K:
    val = 5
    doubled = val * 2
    items = [i for i in range(2)]
print(K.val, K.doubled, K.items)
def gen_closure():
    n = 10
    def g():
        for i in range(3):
            yield i + n
    return g
print(list(gen_closure()()))
