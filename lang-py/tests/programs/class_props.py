class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        return self._r
    @radius.setter
    def radius(self, v):
        if v < 0:
            raise ValueError("negative radius")
        self._r = v
    @radius.deleter
    def radius(self):
        print("deleting radius")
        del self._r
    @property
    def area(self):
        return round(3.14159 * self._r ** 2, 3)
c = Circle(2)
print(c.radius, c.area)
c.radius = 3
print(c.radius, c.area)
try:
    c.radius = -1
except ValueError as e:
    print(e)
try:
    c.area = 5
except AttributeError as e:
    print("AttributeError:", e)
del c.radius
print(hasattr(c, "_r"))
class Lazy:
    def __init__(self):
        self.calls = 0
    @property
    def value(self):
        self.calls += 1
        return self.calls * 10
l = Lazy()
print(l.value, l.value, l.calls)
def make_prop(name):
    return property(lambda self: getattr(self, "_" + name), lambda self, v: setattr(self, "_" + name, v))
class P:
    x = make_prop("x")
    def __init__(self):
        self._x = 0
p = P()
p.x = 42
print(p.x, p._x, type(P.x).__name__)
