def target(a, b=2, *args, c=3, **kw):
    return f"a={a} b={b} args={args} c={c} kw={sorted(kw.items())}"
def forward(*args, **kwargs):
    return target(*args, **kwargs)
print(forward(1))
print(forward(1, 5, 6, 7, c=8, z=9))
print(forward(a=0, b=1))
opts = {"c": 30, "extra": True}
print(target(1, **opts), target(*(1, 2, 3), **{"d": 4}))
def only_kw(**kw):
    return kw
print(only_kw(), only_kw(x=1, y=2), only_kw(**{"k": "v"}))
def varargs(*a):
    return len(a), a
print(varargs(), varargs(*range(4)), varargs(*"ab", *[1]))
try:
    target()
except TypeError as e:
    print(e)
try:
    target(1, a=2)
except TypeError as e:
    print(e)
