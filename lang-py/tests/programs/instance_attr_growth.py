# Instance attributes as the number of attributes per instance grows over a
# program's life: early instances hold few, later ones many (more than
# are kept in the instance itself), in different orders; reads and writes
# in compiled loops over old and new instances alike, deletion, vars().


class Rec:
    pass


def fill(o, n, rev=False):
    names = ["a%d" % i for i in range(n)]
    if rev:
        names.reverse()
    for i, nm in enumerate(names):
        setattr(o, nm, i)
    return o


objs = []
for n in (1, 2, 3, 5, 8, 13, 21, 30):
    for rev in (False, True):
        objs.append(fill(Rec(), n, rev))


def total(objs, rounds):
    s = 0
    for r in range(rounds):
        for o in objs:
            s += o.a0
            if hasattr(o, "a4"):
                s += o.a4 * 2
            o.a0 = o.a0 + 1
    return s


print(total(objs, 300))
print([o.a0 for o in objs][:6], sorted(vars(objs[-1]).items())[:3])


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def grow(n):
    ps = []
    for i in range(n):
        p = P(i, -i)
        if i % 3 == 0:
            p.z = i * 10
        if i % 5 == 0:
            p.w = "w"
            p.v = [i]
        ps.append(p)
    return ps


ps = grow(3000)
s = 0
for p in ps:
    s += p.x + p.y + getattr(p, "z", 0)
    if hasattr(p, "v"):
        p.v.append(1)
        s += len(p.v)
print(s)
del ps[5].w
print(sorted(vars(ps[5])), ps[5].v, ps[6].x)
ps[10].__dict__["q"] = 7
print(ps[10].q, sorted(vars(ps[10]).items()))
late = [P(1, 2) for _ in range(5)]
for o in late:
    o.extra = 3
print(sum(o.x + o.y + o.extra for o in late), vars(late[0]))
big = fill(Rec(), 40)
print(big.a39, big.a16, big.a15, len(vars(big)))
for i in range(40):
    setattr(big, "a%d" % i, -i)
print(sum(getattr(big, "a%d" % i) for i in range(40)))
