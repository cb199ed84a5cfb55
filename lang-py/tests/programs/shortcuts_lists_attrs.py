# The plain interpreter's shortcuts for list subclasses (append, pop,
# iteration, len, indexing, instantiation), for adding attributes along a
# cached map transition, and the cases where each must give way to the
# generic code (overrides, instance attributes, properties made later,
# class changes, a new recursion limit).


class Coll(list):
    pass


def fill(make, n):
    c = make()
    for i in range(n):
        c.append(i * 2)
    return c


c = fill(Coll, 6)
print(type(c).__name__, len(c), c[0], c[-1], c.pop(), c.pop(0), c.pop(-1), list(c))
total = 0
for x in c:
    total += x
print(total, len(c))
try:
    Coll().pop()
except IndexError as e:
    print("IndexError", e)
try:
    c.pop(10)
except IndexError as e:
    print("IndexError", e)
try:
    c.pop("0")
except TypeError as e:
    print("TypeError", e)


class Logged(list):
    def append(self, x):
        print("append", x)
        list.append(self, x * 10)

    def __len__(self):
        return 99

    def __getitem__(self, i):
        return ("item", i)

    def __iter__(self):
        return iter(["a", "b"])


for make in (Coll, Logged, Coll, Logged):
    d = make()
    d.append(3)
    print(make.__name__, len(d), d[0], [y for y in d], d.pop())


class WithInit(list):
    def __init__(self, *items):
        super().__init__(items)
        self.tag = "init"


w = WithInit(1, 2)
print(w, w.tag, len(w))
print(Coll([5, 6]), Coll((7,)))

# An instance attribute that shadows the list method.
s = Coll()
s.append(1)
s.append = lambda x: print("shadowed", x)
s.append(2)
print(list(s))

# The class gains the method after the site cached a miss.
e = Coll()
for i in range(3):
    if i == 2:
        Coll.pop = lambda self, *a: "class pop"
    e.append(i)
    print(e.pop())
del Coll.pop


# Adding attributes: the same order (a cached transition), another order,
# sibling classes sharing __init__, an attribute added to one instance only.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    def __init__(self, x, y):
        self.y = y
        self.x = x


class Base:
    def __init__(self, a):
        self.a = a
        self.b = a + 1


class Left(Base):
    pass


class Right(Base):
    pass


pts = [Point(i, -i) for i in range(5)] + [Other(i, i * i) for i in range(3)]
pts[1].z = "extra"
print([(p.x, p.y) for p in pts], pts[1].z, hasattr(pts[2], "z"))
objs = [Left(1), Right(2), Left(3), Base(4)]
print([(type(o).__name__, o.a, o.b) for o in objs])


# A property made after the shortcuts ran: the class attribute wins now.
class Temp:
    def __init__(self, v):
        self.v = v


def read_all(items):
    return [t.v for t in items]


ts = [Temp(i) for i in range(3)]
print(read_all(ts))
Temp.v = property(lambda self: "prop")
print(read_all(ts))

# A lower recursion limit takes effect at once for direct calls.
import sys


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(50))
old = sys.getrecursionlimit()
sys.setrecursionlimit(40)
try:
    depth(50)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)
print(depth(60))
