x = 1
def a():
    x = 2
    def b():
        nonlocal x
        x = 3
        def c():
            return x
        return c()
    r = b()
    return r, x
print(a(), x)
def g():
    global x
    x += 10
g()
print(x)
def make():
    fns = {}
    for name in ["inc", "dec"]:
        def op(v, name=name):
            return v + 1 if name == "inc" else v - 1
        fns[name] = op
    return fns
ops = make()
print(ops["inc"](5), ops["dec"](5))
def outer():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    def get():
        return items
    return add, get
add, get = outer()
add(1)
add(2)
print(get())
class C:
    x = "class x"
    def method(self):
        return x
print(C().method())
def default_binding(v=x):
    return v
x = 999
print(default_binding())
def del_local():
    y = 5
    del y
    try:
        return y
    except NameError as e:
        return type(e).__name__
print(del_local())
lam = lambda n: (lambda m: n * m)
print(lam(3)(4))
def recursive_closure(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(recursive_closure(10))
total = 0
for i in range(5):
    total += i
print(total, i)
print([i for i in range(3)], i)
