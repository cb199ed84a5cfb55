# Calls and reads the plain interpreter takes shortcuts for (positional
# calls of functions and methods, class attributes, identity ==, len and
# isinstance, instantiation, enumerate), each in a loop so the shortcut's
# caches are warm, and then with what must send them back to the generic
# code: an instance attribute shadowing a method, a class changed at run
# time, a new __eq__, closures, wrong argument counts, deep recursion.


class Base:
    KIND = 1

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    @classmethod
    def make(cls, x):
        return cls(x)

    @staticmethod
    def twice(v):
        return 2 * v


class Sub(Base):
    KIND = 2

    def get(self):
        return self.x + 100


def total(objs):
    s = 0
    for o in objs:
        s += o.get() + o.KIND + Base.twice(o.x) + type(o).KIND
    return s


objs = [Base(i) if i % 3 else Sub(i) for i in range(30)]
for _ in range(3):
    print(total(objs))

# An instance attribute shadows the class's method at the same call site.
odd = Base(5)
odd.get = lambda: "own attribute"
print([o.get() for o in [objs[1], odd, objs[0]]])

# Many attributes (the map's filter cannot rule every name out).
wide = Base(0)
for i in range(40):
    setattr(wide, "a%d" % i, i)
print(wide.get(), wide.a39)

# Class and static methods through the class and through instances.
print(Base.make(3).get(), Sub.make(4).get(), objs[0].make(7).get(), objs[1].twice(8))

# The class changes: the caches must see it.
for step in range(3):
    if step == 1:
        Base.get = lambda self: -self.x
    if step == 2:
        Base.KIND = 10
    print(step, objs[1].get(), objs[1].KIND, Base.KIND, objs[0].get())


# Identity equality until a class gets __eq__.
class P:
    def __init__(self, v):
        self.v = v


ps = [P(1), P(1)]
for step in range(3):
    if step == 2:
        P.__eq__ = lambda a, b: isinstance(b, P) and a.v == b.v
        P.__hash__ = lambda a: a.v
    print(step, ps[0] == ps[1], ps[0] != ps[1], ps[0] == ps[0], ps[0] == None)


# Closures and defaults through the call shortcut.
def adder(n):
    def add(x, y=1):
        return x + y + n

    return add


f = adder(10)
print([f(i, i) for i in range(5)], f(1))

# Wrong argument counts raise as CPython does.
for args in [(), (1, 2, 3)]:
    try:
        objs[0].get(*args) if args else Base()
    except TypeError as e:
        print("TypeError:", e)
try:
    objs[1].get(1)
except TypeError as e:
    print("TypeError:", e)

# len and isinstance.
n = 0
for o in objs:
    if isinstance(o, Sub):
        n += len(objs) + len((1, 2))
print(n, isinstance(3, int), isinstance(True, int), len([]))

# enumerate over a list, unpacked in the loop header.
acc = []
for i, o in enumerate(objs[:6]):
    acc.append((i, o.x))
print(acc)
for i, o in enumerate([]):
    print("never")


# Instantiation: __init__ alone, a user __new__, a native base.
class WithNew:
    def __new__(cls, v):
        o = object.__new__(cls)
        o.tag = "new"
        return o

    def __init__(self, v):
        self.v = v


class L(list):
    def __init__(self, items):
        super().__init__(items)
        self.n = len(items)


for _ in range(3):
    w = WithNew(4)
    l = L([1, 2, 3])
    print(w.tag, w.v, l, l.n, Sub(6).get())


# Recursion through method calls reaches the limit as CPython's does.
class R:
    def down(self, k):
        return 0 if k == 0 else 1 + self.down(k - 1)


print(R().down(500))
try:
    R().down(100000)
except RecursionError as e:
    print("RecursionError:", e)
