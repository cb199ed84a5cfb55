# One attribute-reading instruction meets objects of many layouts: the
# per-instruction slot cache must never answer for the wrong layout.
class A:
    def __init__(self, x):
        self.x = x


class B:
    def __init__(self, x):
        self.pad = -1
        self.x = x


class C:
    pass


def read(o):
    return o.x


def write(o, v):
    o.x = v


objs = [A(1), B(2), A(3), B(4)]
c = C()
c.y = 0
c.x = 5
objs.append(c)
d = C()
d.x = 6
objs.append(d)
e = A(7)
del e.x
e.x = 8  # dict mode now
objs.append(e)
total = 0
for rnd in range(200):
    for o in objs:
        total += read(o)
        write(o, read(o) + 1)
print(total, [read(o) for o in objs])


class P:
    def __init__(self):
        self.x = 1

    def m(self):
        return "method"


p = P()
q = P()
q.m = lambda: "instance attr"
for o in [p, q, p, q]:
    print(o.m())
r = P()
print(hasattr(r, "y"), getattr(r, "y", None))
r.y = 2
print(hasattr(r, "y"), getattr(r, "y", None))
