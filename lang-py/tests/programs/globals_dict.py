# globals() and a module's __dict__ are the module's own namespace: reads
# and writes through them are the program's globals (also for names the
# interpreter had cached as constants: functions, classes).
x = 1


def f():
    return x


def h():
    return "old h"


def call_h():
    return h()


class K:
    tag = "K"


def make():
    return K().tag


for i in range(200):
    call_h()
    make()
g = globals()
print(g is globals(), type(g).__name__)
print(g["x"], "f" in g, sorted(k for k in g if not k.startswith("__")))
g["x"] = 5
print(f(), x)
g["h"] = lambda: "new h"
print(call_h())


class K2:
    tag = "K2"


globals()["K"] = K2
print(make())


def setg():
    globals()["y"] = 3
    globals().update(z=4)


setg()
print(y, z)
del g["z"]
print("z" in globals())
try:
    print(z)
except NameError as e:
    print("NameError", e)
import math

print(type(math.__dict__).__name__, math.__dict__["pi"], "sqrt" in math.__dict__)
import sys

mod = sys.modules[__name__]
print(mod.__dict__ is globals())
mod.__dict__["w"] = "via module dict"
print(w)
print(__name__, globals()["__name__"])
