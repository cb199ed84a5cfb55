from __future__ import annotations
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError
import __future__
print(__future__.annotations)
x: int = 5
y: list[int]
print(__annotations__)

@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

p = Point(1, 2)
print(p, p == Point(1, 2), p == Point(2, 1))
print(Point.__annotations__)
print([f.name for f in fields(p)])
print(asdict(p), astuple(p))
print(replace(p, y=7))
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    Point(1, z=3)
except TypeError as e:
    print(e)

@dataclass(frozen=True, order=True)
class V:
    a: float
    b: str = "x"

v = V(1.5)
print(v, hash(v) == hash(V(1.5)), V(1, "a") < V(1, "b"), sorted([V(3), V(1), V(2)]))
try:
    v.a = 3
except FrozenInstanceError as e:
    print("frozen:", e)

@dataclass
class P3(Point):
    z: int = 9
    def __post_init__(self):
        self.total = self.x + self.y + self.z

q = P3(1, 2)
print(q, q.total)
print(Point.__hash__)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print(e)
class C:
    a: int
    b: "str" = "s"
    def f(self):
        z: int = 3
        return z
print(C.__annotations__, C().f(), C.b)
from dataclasses import dataclass, field, asdict, astuple
from collections import namedtuple
P = namedtuple('P', 'a b')
@dataclass
class In:
    v: int
@dataclass
class Out:
    xs: list
    d: dict
    t: tuple
    p: P
    inner: In
o = Out([In(1), 2], {'k': In(3)}, (In(4),), P(In(5), 6), In(7))
print(asdict(o))
print(astuple(o))
