# A data descriptor (property) on the class wins over an instance attribute
# of the same name, also when the property is added after instances already
# hold the attribute; a plain class attribute or method does not.


class P:
    def __init__(self, v):
        self.v = v
        self.m = "inst"

    def m2(self):
        return "method"


objs = [P(i) for i in range(4)]


def read_all(objs, n):
    out = []
    for i in range(n):
        o = objs[i % len(objs)]
        out.append(o.v)
    return out


print(read_all(objs, 8))
print(sum(read_all(objs, 2000)))
P.v = property(lambda self: "prop")
print(read_all(objs, 8))
print(read_all(objs, 2000)[-3:])
# The instance value is still there, in __dict__.
print(objs[1].__dict__["v"])
# A property without a setter: assignment raises, even though the
# instance already has the attribute.
try:
    objs[0].v = 5
except AttributeError as e:
    print("AttributeError")
# Removing the property uncovers the instance attribute again.
del P.v
print(read_all(objs, 8))
print(sum(read_all(objs, 2000)))
# A non-data descriptor (a function) is shadowed by the instance attribute.
P.m = lambda self: "class m"
print(objs[0].m)
# Method calls through a name that becomes a property.
objs[2].m2 = lambda: "instance m2"


def call_all(objs, n):
    out = []
    for i in range(n):
        out.append(objs[i % len(objs)].m2())
    return out


print(call_all(objs, 4))
print(len(call_all(objs, 2000)))
P.m2 = property(lambda self: (lambda: "prop m2"))
print(call_all(objs, 4))
print(call_all(objs, 2000)[-4:])
# A property with a setter added later: stores go through it.
log = []
P.v = property(lambda self: self.__dict__["v"] * 10, lambda self, x: log.append(x))


def write_all(objs, n):
    for i in range(n):
        objs[i % len(objs)].v = i


write_all(objs, 1000)
print(len(log), log[-2:], [o.v for o in objs])
