import functools
def f(a, b="x", *args, c=3, d, **kw): pass
print(f.__defaults__, f.__kwdefaults__, f.__qualname__, f.__name__)
def g(a, b): pass
print(g.__defaults__, g.__kwdefaults__, g.__annotations__)
g.__annotations__['x'] = int; print(g.__annotations__)
class A:
    def m(self): pass
    class B:
        def n(self):
            def inner(): pass
            return inner
print(A.m.__qualname__, A.B.n.__qualname__, A.B().n().__qualname__, A.B.__qualname__)
def deco(fn):
    @functools.wraps(fn)
    def w(*a): return fn(*a)
    return w
@deco
def h(x): return x
print(h.__name__, h.__qualname__, h.__wrapped__ is not None, h.__wrapped__(3), h(4))
f.__defaults__ = ("y",)
def k(a=1, *, b=2): return a, b
k.__kwdefaults__ = {'b': 5}
print(k(), f.__defaults__)
