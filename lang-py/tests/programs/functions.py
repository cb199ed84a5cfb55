def add(a, b=10, *args, c=5, **kw):
    return (a, b, args, c, kw)
print(add(1))
print(add(1, 2, 3, 4, c=6, d=7))
print(add(a=3, b=4))
print(add(*[1, 2, 3], **{"c": 0, "z": 1}))
def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, b=2, c=0))
def posonly(a, b, /, c):
    return a * b * c
print(posonly(2, 3, c=4))
f = lambda x, y=2: x ** y
print(f(3), f(2, 5), (lambda: "no args")())
def outer():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = outer()
print(c(), c(), c())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([g(10) for g in make_adders()])
g_var = 1
def set_global():
    global g_var
    g_var = 42
set_global()
print(g_var)
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(30))
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bob"))
def counter():
    x = 0
    def get():
        return x
    x = 5
    return get
print(counter()())
print(add.__name__, hello.__name__, (lambda: 0).__name__)
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2), apply(len, "abc"))
def defaults(x=[]):
    x.append(1)
    return len(x)
print(defaults(), defaults(), defaults([5]))
def fact_iter(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact_iter(25))
def multi():
    return 1, "two", [3]
a, b, c2 = multi()
print(a, b, c2)
