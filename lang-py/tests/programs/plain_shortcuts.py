# The plain interpreter's shortcuts (fastpath.rs) must agree with the
# generic code: overflow, floor division, comparisons fused with jumps,
# `for` over ranges and lists, unpacking fused into enumerate/zip, and
# attribute caches that must notice new maps, properties and __setattr__.

big = 2**62
for i in range(3):
    x = big + big * i          # overflows to a big int at i >= 1
    print(type(x).__name__, x)
print(9223372036854775807 + 1, -9223372036854775807 - 2, 3037000500 * 3037000500)
for a in (7, -7, 0):
    for b in (3, -3):
        print(a // b, a % b, a / b, end="; ")
print()
print(7.5 // 2, -7.5 % 2, 1 / 3, 2 ** 0.5, 3 - 0.5, 2 * 1.25)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
nan = float("nan")
print(nan < 1.0, nan == nan, nan != nan, 1 < 2.5, 2.5 >= 2, True < 2, None == None)
n = 0
for i in range(10, 0, -3):
    if i > 4:
        n += i
    elif not i:
        n -= 100
    else:
        n += 1000
print(n)
for i in range(5, 5):
    print("never")
xs = [3, 1, 4, 1, 5]
total = 0
for v in xs:
    if v == 1:
        xs.append(9) if len(xs) < 7 else None
    total += v
print(total, xs)
for i, (a, b) in enumerate(zip("abc", [1, 2, 3])):
    print(i, a, b, end=" ")
print()
for a, b, c in zip(range(3), "xyz", [True, None, 2.5]):
    print(a, b, c, end=" ")
print()
for i, v in enumerate(["p", "q"], 5):
    print(i, v, end=" ")
print()
pairs = list(enumerate("hi"))
for t in enumerate("ok"):
    print(t, end=" ")
print(pairs)
try:
    for a, b in enumerate("ab"):
        pass
    for a, b, c in enumerate("ab"):
        pass
except ValueError as e:
    print("ValueError", e)
count = 0
for a, b in zip(iter([1, 2, 3]), (x * 2 for x in range(3))):
    count += a * b
print(count)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Other:
    def __init__(self, y, x):
        self.y = y
        self.x = x


def read_x(p):
    return p.x


def bump(p):
    p.x = p.x + 1


pts = [Point(1, 2), Other(3, 4), Point(5, 6), Other(7, 8)]
for p in pts * 2:
    bump(p)
    print(read_x(p), end=" ")
print()
p = Point(1, 2)
p.z = 3
print(read_x(p), p.norm1())
p.norm1 = lambda: "instance attribute wins"
print(p.norm1())
del p.x
try:
    read_x(p)
except AttributeError as e:
    print("AttributeError", e)
q = Point(10, 20)
vars(q)["x"] = 11
print(read_x(q))


class Logged:
    def __init__(self):
        self.x = 0


def setx(o, v):
    o.x = v


lg = Logged()
for i in range(3):
    setx(lg, i)
print(lg.x)


def spy(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


Logged.__setattr__ = spy
setx(lg, 42)
print(lg.x)
print(read_x(Point(100, 0)))


class WithProp:
    def __init__(self):
        self.__dict__["x"] = "instance"


wp = WithProp()
print(read_x(wp))
WithProp.x = property(lambda self: "property")
print(read_x(wp))
print(read_x(Point(7, 8)))


# A method shared by sibling classes stores an attribute: one subclass
# intercepts stores, another has more attributes first (other slots).
class Base:
    def __init__(self):
        self.a = 0
        self.b = 0

    def setb(self, v):
        self.b = v
        return self.b


class Plain(Base):
    pass


class Wider(Base):
    def __init__(self):
        self.first = "w"
        Base.__init__(self)


class Loud(Base):
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2 if name == "b" else value)


objs = [Plain(), Wider(), Loud(), Base()]
for i in range(12):
    o = objs[i % 4]
    print(type(o).__name__, o.setb(i), end="; ")
print()
print([vars(o) for o in objs])
