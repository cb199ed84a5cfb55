class MyInt(int):
    def double(self): return self * 2
x = MyInt(5); print(x, x.double(), x + 1, 1 + x, isinstance(x, int), type(x).__name__, repr(x), str(x), f"{x}", f"{x:03d}")
print(x == 5, x < 7, hash(x) == hash(5), {x: 1}[5], int(x), float(x), x.bit_length(), -x, abs(MyInt(-3)), bool(MyInt(0)))
print("%d items" % x, [0, 1, 2, 3, 4, 5][x], list(range(x)), x // 2, divmod(x, 2), round(x), max(x, 3), sorted([MyInt(3), 1, MyInt(2)]))
class Hex(int):
    def __repr__(self): return hex(self)
    def __str__(self): return "Hex" + hex(self)
print(Hex(255), repr(Hex(255)), [Hex(16)], Hex("ff", 16))
class MyStr(str):
    def shout(self): return self.upper() + "!"
s = MyStr("hi"); print(s, s.shout(), len(s), s + "x", "x" + s, isinstance(s, str), s == "hi", s in {"hi": 1}, s[0], s * 2, s.split("i"), "-".join([s, s]))
print(repr(s), f"<{s}>", f"{s:>5}", "%s!" % s, s.startswith("h"), list(s), sorted([MyStr("b"), "a"]), str(s), type(str(s)).__name__)
class Tag(str):
    def __new__(cls, name, level=1):
        obj = super().__new__(cls, name.lower())
        obj.level = level
        return obj
t = Tag("HELLO", 3); print(t, t.level, t.upper(), type(t).__name__)
class MyFloat(float): pass
f = MyFloat(2.5); print(f * 2, f, repr(f), f + 1, int(f), round(f), f"{f:.2f}", f.is_integer(), MyFloat("1.5"))
import math; print(math.sqrt(MyFloat(4.0)), math.floor(f))
class Point(tuple):
    def __new__(cls, x, y): return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    def __repr__(self): return "Point(%r, %r)" % self
p = Point(1, 2); print(p, p.x, len(p), p[1], type(p).__name__, list(p), p == (1, 2), p + (3,), hash(p) == hash((1, 2)))
a, b = p; print(a, b, p[::-1], max(p), 2 in p)
class Pair(tuple): pass
print(Pair([1, 2]), Pair(), repr(Pair("ab")))
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg); self.code = code
try: raise E("bad", 3)
except E as e: print(e, e.code, e.args, repr(e))
try:
    class B(bool): pass
except TypeError as e: print(e)
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1); print(d['a'], d['zz'], d.get('zz'), 'zz' in d)
