# Compiled loops read module globals bound to data (a size, a flag, a
# shared object) from per-global cells; rebinding one, from a function with
# `global`, through the module object or through `vars()`, or deleting it,
# must be seen at once, and a global rebound on every iteration too.
import sys

SIZE = 4
TRACING = False


class Area:
    def __init__(self):
        self.count = 0


area = Area()


def step(i):
    if TRACING:
        return -1
    area.count += 1
    return i % SIZE


def run(n):
    s = 0
    for i in range(n):
        s += step(i)
    return s


print(run(3000), area.count)


def set_size(v):
    global SIZE
    SIZE = v


def run_changing(n):
    s = 0
    for i in range(n):
        if i == n // 2:
            set_size(7)
        s += step(i)
    return s


print(run_changing(3000), SIZE)
sys.modules[__name__].SIZE = 3
print(run(3000))
vars(sys.modules[__name__])["TRACING"] = True
print(run(1000))
TRACING = False

area = Area()
print(run(2000), area.count)

# A global rebound on every iteration turns volatile; reads stay right.
tick = 0


def bump():
    global tick
    tick += 1
    return tick


def run_ticks(n):
    s = 0
    for i in range(n):
        s += bump() + SIZE
    return s


print(run_ticks(3000), tick)
SIZE = 10
print(run_ticks(3000), tick)

del SIZE
try:
    run_ticks(10)
except NameError as e:
    print(e)
SIZE = 1
print(run_ticks(10))
