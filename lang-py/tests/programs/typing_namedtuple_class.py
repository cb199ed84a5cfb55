from typing import NamedTuple, Optional


class Employee(NamedTuple):
    name: str
    id: int = 3
    boss: Optional[str] = None

    def label(self):
        return "%s#%d" % (self.name, self.id)


e = Employee("Guido")
print(e, e.name, e.id, e[0], len(e), e.label(), isinstance(e, tuple), e == ("Guido", 3, None))
print(e._replace(id=7), e._asdict(), Employee._fields, Employee._field_defaults, Employee._make(["A", 1, "B"]))
name, ident, boss = Employee("X", 2, "Y")
print(name, ident, boss, sorted([Employee("b"), Employee("a", 9)]), hash(e) == hash(("Guido", 3, None)))
for args, kw in (((), {}), (("a", 1, 2, 3), {}), (("a",), {"zz": 1}), (("a",), {"name": "b"})):
    try:
        Employee(*args, **kw)
    except TypeError as err:
        print(err)


class Point(NamedTuple):
    x: float
    y: float

    def __repr__(self):
        return "<%g,%g>" % self


print(Point(1, 2), Point(y=3, x=1.5), {Point(0, 0): "origin"}[(0, 0)], list(map(sum, [Point(1, 2)])))
