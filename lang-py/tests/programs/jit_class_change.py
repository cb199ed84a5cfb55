# Class attribute lookups are compiled as constants while classes do not
# change; changing a class (setattr, del, __dict__) must be seen at once.
class Base:
    def f(self):
        return 1


class Child(Base):
    pass


def total(objs, n):
    s = 0
    for i in range(n):
        s += objs[i % len(objs)].f()
    return s


objs = [Child(), Base()]
print(total(objs, 300))
Base.f = lambda self: 2
print(total(objs, 300))
Child.f = lambda self: 10
print(total(objs, 300))
del Child.f
print(total(objs, 300))
print(sorted(k for k in vars(Base) if not k.startswith("__")))
Base.f = lambda self: 4
print(total(objs, 300))
# A counter kept as a class attribute changes the class on every iteration.
class Counter:
    n = 0
    def bump(self):
        Counter.n += 1
        return Counter.n
c = Counter()
last = 0
for i in range(3000):
    last = c.bump()
print(last, Counter.n)
