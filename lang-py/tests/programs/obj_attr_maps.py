# Instance attributes kept by map (hidden class): every way of reading,
# writing, deleting and exposing them must behave as with a per-instance dict.


class A:
    cls_attr = 5

    def __init__(self, x):
        self.x = x
        self.y = x * 2

    def m(self):
        return self.x + self.y


class B(A):
    @property
    def p(self):
        return self.x * 10


a = A(1)
b = B(2)
print(a.m(), b.m(), b.p, a.cls_attr)
b.z = 9
print(vars(b), a.__dict__)

# A handed-out __dict__ is live in both directions.
d = b.__dict__
d['w'] = 4
print(b.w, hasattr(b, 'w'), getattr(b, 'q', 'dflt'))
b.x = 100
print(d, b.m())

# Deleting, then adding back (insertion order as in CPython).
del a.y
try:
    a.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del a.nope
except AttributeError as e:
    print("AttributeError:", e)
a.y = 7
print(a.__dict__, [n for n in dir(a) if not n.startswith('__')])
setattr(a, 'dyn', 1)
print(getattr(a, 'dyn'), a.dyn)
delattr(a, 'dyn')
print(hasattr(a, 'dyn'), vars(a))

# An instance attribute shadows a method.
c = A(3)
c.m = lambda: 42
print(c.m(), A(3).m())

# Instances of one class with attributes added in different orders and names.
objs = [A(i) for i in range(5)]
for i, o in enumerate(objs):
    setattr(o, 'k%d' % i, i)
    if i % 2:
        o.extra = -i
print([vars(o) for o in objs])
print(sum(o.x + o.y for o in objs))

# Many attributes on one instance.
big = A(0)
for i in range(100):
    setattr(big, 'a%d' % i, i)
print(len(vars(big)), big.a99, big.a0)

# A class attribute changed after instances exist.
A.cls_attr = 6
print(a.cls_attr, b.cls_attr)
a.cls_attr = 1
print(a.cls_attr, A.cls_attr)


class E(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.msg = msg


try:
    raise E("boom")
except E as e:
    print(e.msg, e.args, vars(e))

import copy

cc = copy.copy(b)
print(vars(cc), cc is b)


class S:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)


s = S()
s.a = 3
print(s.a, vars(s))


class N:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.v = v
        return o

    def __init__(self, v):
        self.w = v + 1


n = N(4)
print(vars(n), n.v, n.w)

try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)

# Attribute reads in a hot loop (traced), then a shape change under the trace.
class P:
    def __init__(self, i):
        self.i = i
        self.j = 2 * i


ps = [P(i) for i in range(300)]
total = 0
for k in range(3):
    for p in ps:
        total += p.i + p.j
    ps[100].__dict__['i'] = 0
    ps[200].q = 1
    del ps[150].j
    ps[150].j = 5
print(total)
