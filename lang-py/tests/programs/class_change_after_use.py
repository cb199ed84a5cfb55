# Attribute reads, method calls and attribute stores at the same
# instruction while classes change under them (inline caches and traces
# must notice): a method replaced, a property added, __setattr__ added.


class A:
    def f(self):
        return 1


class B(A):
    pass


log = []
objs = [A(), B()]
for i in range(3000):
    o = objs[i % 2]
    o.x = i
    log.append(o.f() + o.x % 3)
    if i == 1000:
        A.f = lambda self: 10
    if i == 1500:
        B.f = lambda self: 100
    if i == 2000:
        def setw(self, v):
            self.__dict__["y"] = v * 2

        A.w = property(lambda self: self.__dict__.get("y", -1), setw)
    if i > 2000:
        o.w = i
        log.append(o.w)
    if i == 2500:
        def sa(self, name, v):
            object.__setattr__(self, "z", v)

        B.__setattr__ = sa
print(sum(log), log[990:1010:3], log[1495:1510:4], log[1995:2010:4], log[2495:2510:4])
print(sorted(vars(objs[0]).items()), sorted(vars(objs[1]).items()))
