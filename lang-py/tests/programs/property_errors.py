# Errors of properties without a getter, setter or deleter (CPython names
# the property only when a class body defined it, the class by its
# qualified name), delattr and del through a property, and a missing
# attribute deleted.
class Outer:
    class C:
        @property
        def p(self):
            return 1

        @property
        def w(self):
            return 1

        @w.setter
        def w(self, v):
            print("set w", v)

        def _dl(self):
            print("del x")

        x = property(None, None, _dl)


c = Outer.C()
try:
    del c.p
except AttributeError as e:
    print("del c.p:", e)
try:
    delattr(c, "p")
except AttributeError as e:
    print("delattr:", e)
try:
    c.p = 5
except AttributeError as e:
    print("set:", e)
c.w = 3
try:
    del c.w
except AttributeError as e:
    print("del c.w:", e)
del c.x
try:
    c.x
except AttributeError as e:
    print("get:", e)
try:
    c.x = 1
except AttributeError as e:
    print("set:", e)
try:
    del c.missing
except AttributeError as e:
    print("missing:", e)


class D:
    pass


D.q = property(lambda self: 2)
d = D()
print(d.q)
try:
    d.q = 3
except AttributeError as e:
    print("set:", e)
try:
    del d.q
except AttributeError as e:
    print("del:", e)
D.r = property(None, lambda self, v: print("set r", v))
d.r = 4
try:
    d.r
except AttributeError as e:
    print("get:", e)
try:
    del d.r
except AttributeError as e:
    print("del:", e)


# The same property object named in a second class body.
class E:
    s = D.q


e = E()
try:
    e.s = 1
except AttributeError as e2:
    print("set:", e2)
try:
    d.q = 1
except AttributeError as e2:
    print("set:", e2)
