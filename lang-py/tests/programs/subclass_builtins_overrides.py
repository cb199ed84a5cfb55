class CI(str):
    def __eq__(self, other): return self.lower() == str(other).lower()
    def __hash__(self): return hash(self.lower())
a = CI("Hello"); print(a == "HELLO", a != "x", {a: 1}.get(CI("hello")), len({CI("A"), CI("a")}), a.upper(), a)
class Money(int):
    def __add__(self, o): return Money(int(self) + int(o))
    def __repr__(self): return "$%d" % self
m = Money(3) + 4; print(m, repr(m), type(m).__name__, [m], sum([Money(1), Money(2)]), Money(5) - 1)
class Celsius(float):
    def __new__(cls, v):
        if v < -273.15: raise ValueError("too cold")
        return super().__new__(cls, v)
    def to_f(self): return self * 9 / 5 + 32
c = Celsius(100); print(c.to_f(), c, round(c, 1), c > 50, sorted([Celsius(3), 1.5]))
try: Celsius(-300)
except ValueError as e: print(e)
class Counter2(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 10)
cc = Counter2(); cc['a'] = 1; cc.update(b=2); print(cc, dict(cc), len(cc), list(cc.items()))
class Default(dict):
    def __missing__(self, k):
        self[k] = v = []
        return v
dd = Default(); dd['x'].append(1); dd['x'].append(2); dd['y']; print(dd, 'x' in dd, dd.get('z'), sorted(dd))
class Stack(list):
    def peek(self): return self[-1]
s = Stack([1, 2]); s.append(3); print(s, s.peek(), len(s), s + [4], type(s + [4]).__name__, s[1:], sum(s), sorted(s, reverse=True))
from collections import namedtuple
class P3(namedtuple('P3', 'x y z')):
    __slots__ = ()
    def norm(self): return (self.x ** 2 + self.y ** 2 + self.z ** 2) ** 0.5
print(P3(1, 2, 2).norm(), P3(1, 2, 2), P3(1,2,2)._replace(x=5))
class Vec(tuple):
    def __new__(cls, *xs): return super().__new__(cls, xs)
    def __add__(self, o): return Vec(*[a + b for a, b in zip(self, o)])
v = Vec(1, 2) + Vec(3, 4); print(v, type(v).__name__, v == (4, 6), isinstance(v, tuple), tuple(v), {v: 'k'}[(4, 6)])
class Name(str):
    def __new__(cls, first, last):
        self = super().__new__(cls, first + " " + last)
        self.first, self.last = first, last
        return self
n = Name("Ada", "Lovelace"); print(n, n.first, n.split(), n.title(), "%s|%5.3s|" % (n, n), n.replace("a", "4"))
class Flag(int):
    pass
print(Flag(3) | 4, Flag(1) << 3, Flag(7) & Flag(3), str(Flag(2)), int("12") + Flag(1), Flag(True), Flag("0x1f", 16), Flag(2.9))
try: int.__new__(Flag, "zz")
except ValueError as e: print(e)
print(hex(Flag(255)), bin(Flag(5)), chr(Flag(65)), divmod(Flag(7), 2), pow(Flag(2), 10), abs(Flag(-4)), -Flag(2), ~Flag(0))
import json; print(json.dumps({"k": CI("v"), "n": Flag(3)}))
