import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        print("calling", fn.__name__, args, kw)
        r = fn(*args, **kw)
        print("returned", r)
        return r
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
def add(a, b=0):
    return a + b
@repeat(3)
def greet(name):
    return "hi " + name
add(2, b=3)
print(greet("x"), add.__name__)
def count_calls(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    pass
for _ in range(4):
    noop()
print(noop.calls)
class Registry:
    funcs = {}
    @classmethod
    def register(cls, name):
        def deco(fn):
            cls.funcs[name] = fn
            return fn
        return deco
@Registry.register("double")
def double(x):
    return 2 * x
print(Registry.funcs["double"](21), sorted(Registry.funcs))
def stacked(fn):
    return lambda *a: "[" + fn(*a) + "]"
@stacked
@stacked
def word():
    return "w"
print(word())
