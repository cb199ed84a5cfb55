class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return self.name + " makes a sound"
    def __repr__(self):
        return "Animal(" + repr(self.name) + ")"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return self.name + " barks"
    def __str__(self):
        return "Dog " + self.name
a = Animal("generic")
d = Dog("rex", "lab")
print(a.speak(), d.speak(), d.breed, d.kind, Animal.count, a, d, [d], str(d), repr(d))
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d).__name__, type(d) is Dog)
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Point(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Point(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, o):
        return isinstance(o, Point) and self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return self.x != 0 or self.y != 0
    def __neg__(self):
        return Point(-self.x, -self.y)
    def __contains__(self, v):
        return v == self.x or v == self.y
p = Point(1, 2)
q = Point(3, 4)
print(p + q, q - p, p * 3, 2 * p, p == Point(1, 2), p != q, p < q, -p, len(p), p[1], list(p), 2 in p, 7 in p)
print(bool(Point()), bool(p), sorted([q, p, Point(0, 5)]), max([p, q]), Point(1, 2) in [p])
if Point():
    print("no")
else:
    print("empty point is falsy")
x, y = p
print(x, y)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def create():
        return Temp()
    @classmethod
    def name(cls):
        return cls.__name__
t = Temp.create()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.name(), t.name())
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(A):
    def who(self):
        return "C" + super().who()
class D(B, C):
    def who(self):
        return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, k=1):
        self.n += k
        return self.n
cnt = Counter()
cnt()
cnt(5)
print(cnt.n, callable(cnt), callable(3))
print(hasattr(p, "x"), hasattr(p, "zz"), getattr(p, "y"), getattr(p, "zz", "default"))
setattr(p, "z", 9)
print(p.z, vars(Point(5, 6)))
