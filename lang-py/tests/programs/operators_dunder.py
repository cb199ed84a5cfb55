class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return "Vec(" + ", ".join(map(str, self.c)) + ")"
    def __add__(self, o):
        if isinstance(o, (int, float)):
            return Vec(*[a + o for a in self.c])
        return Vec(*[a + b for a, b in zip(self.c, o.c)])
    __radd__ = __add__
    def __sub__(self, o):
        return Vec(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.c])
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vec(*[a / k for a in self.c])
    def __floordiv__(self, k):
        return Vec(*[a // k for a in self.c])
    def __mod__(self, k):
        return Vec(*[a % k for a in self.c])
    def __pow__(self, k):
        return Vec(*[a ** k for a in self.c])
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __neg__(self):
        return Vec(*[-a for a in self.c])
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __le__(self, o):
        return abs(self) <= abs(o)
    def __getitem__(self, i):
        return self.c[i]
    def __setitem__(self, i, v):
        self.c[i] = v
    def __len__(self):
        return len(self.c)
    def __iadd__(self, o):
        self.c = [a + b for a, b in zip(self.c, o.c)]
        return self
    def __hash__(self):
        return hash(tuple(self.c))
    def __contains__(self, v):
        return v in self.c
    def __and__(self, o):
        return Vec(*[a & b for a, b in zip(self.c, o.c)])
    def __lshift__(self, k):
        return Vec(*[a << k for a in self.c])
    def __invert__(self):
        return Vec(*[~a for a in self.c])
v = Vec(1, 2, 3)
w = Vec(4, 5, 6)
print(v + w, w - v, v * 2, 3 * v, v / 2, w // 4, w % 4, v ** 2, v @ w, -v, abs(Vec(3, 4)))
print(v + 1, 1 + v, v == Vec(1, 2, 3), v != w, v < w, w <= v, v[1], len(v), 2 in v, 9 in v)
v[0] = 10
print(v, sorted([w, v, Vec(0)]), max(v, w), min([v, w]))
u = v
u += w
print(u, u is v, v, {Vec(1): "a"}[Vec(1)], v & w, v << 1, ~Vec(0, 1))
print(divmod(7, 2), pow(2, 5), abs(-3), round(Vec(1).c[0] / 3, 3))
class Num:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == (o.n if isinstance(o, Num) else o)
    def __index__(self):
        return self.n
    def __int__(self):
        return self.n
    def __float__(self):
        return float(self.n)
    def __str__(self):
        return "Num%d" % self.n
print(Num(3) == 3, 3 == Num(3), Num(2) != Num(2), int(Num(7)), float(Num(2)), str(Num(5)), [Num(1)] == [Num(1)])
print([1, Num(2)].index(2), [Num(1), Num(2)].count(Num(2)), Num(4) in [1, 4])
