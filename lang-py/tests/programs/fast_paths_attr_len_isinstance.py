# Class attributes read through the class, __class__, len and isinstance
# fast paths, and == / != between instances: each inside a hot loop, with
# the class changed half-way so traces must notice.


class Direction:
    FORWARD = 1
    BACKWARD = -1

    @classmethod
    def flip(cls, d):
        return cls.BACKWARD if d == cls.FORWARD else cls.FORWARD

    @staticmethod
    def twice(x):
        return 2 * x

    def plain(self):
        return "plain"

    @property
    def prop(self):
        return 42


class Sub(Direction):
    BACKWARD = -2


class Coll(list):
    pass


class Sized(list):
    def __len__(self):
        return 99


class P:
    def __init__(self, x):
        self.x = x


class Q:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, Q) and self.x == other.x


class R:
    def __init__(self, x):
        self.x = x

    def __ne__(self, other):
        return "ne called"


total = 0
for i in range(3000):
    total += Direction.FORWARD + Sub.BACKWARD + Direction.flip(1) + Sub.flip(1)
    total += Direction.twice(i % 7)
    if i == 1500:
        Direction.FORWARD = 10
        Sub.extra = 5
    if i > 1500:
        total += Sub.extra
print(total)
print(Direction.plain(Direction()), type(Direction.prop).__name__, Sub.FORWARD)

d = Direction()
s = Sub()
names = []
for i in range(2000):
    o = d if i % 3 else s
    names.append(o.__class__.__name__)
    if o.__class__ is Sub:
        total += o.__class__.BACKWARD
print(names[:4], total)

c = Coll()
z = Sized()
n = 0
for i in range(2000):
    c.append(i)
    n += len(c) + len(z) + len((1, 2, i)) + len([i, i]) + len("ab") + len({1: 2})
print(n)

hits = [0] * 10
things = [1, 1.5, "s", [1], {}, None, True, d, s, P(1), (1,), c, 10**30]
for i in range(2000):
    t = things[i % len(things)]
    hits[0] += isinstance(t, int)
    hits[1] += isinstance(t, Direction)
    hits[2] += isinstance(t, Sub)
    hits[3] += isinstance(t, list)
    hits[4] += isinstance(t, object)
    hits[5] += isinstance(t, (str, float))
    hits[6] += isinstance(t, bool)
    hits[7] += isinstance(t, tuple)
    hits[8] += isinstance(t, dict)
    hits[9] += isinstance(t, Coll)
print(hits)

a, b = P(1), P(1)
q1, q2 = Q(1), Q(1)
r1, r2 = R(1), R(1)
c2 = Coll()
c3 = Coll()
eqs = [0] * 9
for i in range(2000):
    x = a if i % 2 else b
    eqs[0] += x == a
    eqs[1] += x != a
    eqs[2] += x == None
    eqs[3] += x != None
    eqs[4] += q1 == q2
    eqs[5] += q1 != q2
    eqs[6] += (r1 != r2) == "ne called"
    eqs[7] += c2 == c3
    eqs[8] += x == 1
print(eqs)

try:
    print(Direction.missing)
except AttributeError as e:
    print("AttributeError:", e)
print(Direction.__name__, Sub.__mro__[1].__name__)
