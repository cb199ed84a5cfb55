class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['tag'] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.registry = getattr(cls, 'registry', []) + [name]
    def describe(cls):
        return "class " + cls.__name__
    @property
    def upper(cls):
        return cls.__name__.upper()
    def __len__(cls):
        return len(cls.__name__)
    def __iter__(cls):
        return iter(cls.registry)
    def __repr__(cls):
        return "<Meta " + cls.__name__ + ">"

class A(metaclass=Meta):
    x = 1
class B(A):
    pass
print(A.tag, B.tag, type(A).__name__, type(B) is Meta, isinstance(A, type), isinstance(B, Meta))
print(A.describe(), B.upper, len(B), list(B), repr(A), A.registry, B.registry)
print(A.__module__, B.__mro__)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **kw):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **kw)
        return cls._inst[cls]
class Conf(metaclass=Singleton):
    def __init__(self, v): self.v = v
c1 = Conf(1); c2 = Conf(2)
print(c1 is c2, c1.v)

class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class S1(Base, tag="one"): pass
class S2(Base): pass
print(Base.subs)

D = Meta("D", (object,), {"y": 2})
print(D.y, D.tag, type(D).__name__)
E = type("E", (A,), {})
print(type(E).__name__, E.tag)

class M2(type): pass
try:
    class X(A, metaclass=M2): pass
except TypeError as e:
    print("TypeError:", e)

from abc import ABCMeta, abstractmethod
class Shape(metaclass=ABCMeta):
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def area(self): return 4
print(Sq().area(), isinstance(Sq(), Shape))
try:
    Shape()
except TypeError as e:
    print(e)

from abc import ABC
class Animal(ABC):
    @abstractmethod
    def sound(self): ...
    @property
    @abstractmethod
    def legs(self): ...
    def describe(self):
        return f"{type(self).__name__}: {self.sound()} on {self.legs} legs"
class Dog(Animal):
    def sound(self): return "woof"
    @property
    def legs(self): return 4
class Half(Animal):
    def sound(self): return "?"
print(Dog().describe(), sorted(Animal.__abstractmethods__), Half.__abstractmethods__)
for cls in (Animal, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
class Tri: pass
Shape.register(Tri)
print(isinstance(Tri(), Shape), issubclass(Tri, Shape), isinstance(1, Shape))

# Keywords of a class statement reach __init_subclass__ through a metaclass too.
class Tagged(type):
    def __new__(mcls, name, bases, ns, flavour="plain"):
        c = super().__new__(mcls, name, bases, ns)
        c.flavour = flavour
        return c
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class P(metaclass=Tagged, flavour="spicy"): pass
class Q(P): pass
print(P.flavour, Q.flavour)

print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'),
      int.from_bytes(b'\xff\xfe', 'big', signed=True), int.from_bytes([1, 2, 3], byteorder='little'))
