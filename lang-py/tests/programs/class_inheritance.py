class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        raise NotImplementedError
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"
class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
shapes = [Rect(2, 3), Square(2), Circle(1), Square(3)]
for s in sorted(shapes):
    print(s.describe())
print([type(s).__name__ for s in shapes], [isinstance(s, Rect) for s in shapes])
print(Square.__mro__[1].__name__, issubclass(Square, Shape), Square(1).area())
try:
    Shape("x").area()
except NotImplementedError:
    print("abstract")
class Mixin:
    def hello(self):
        return "hello from " + self.who()
class Person:
    def who(self):
        return "person"
class Greeter(Mixin, Person):
    pass
print(Greeter().hello(), [c.__name__ for c in Greeter.__mro__])
class X: pass
class Y(X): pass
class Z(X): pass
class W(Y, Z): pass
print([c.__name__ for c in W.__mro__])
try:
    class Bad(X, Y):
        pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init__(self):
        self.log = ["base"]
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("left")
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("right")
class Both(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("both")
print(Both().log)
class Counted:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class Sub(Counted):
    instances = 0
Counted(); Sub(); Sub()
print(Counted.instances, Sub.instances)
