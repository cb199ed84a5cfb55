# Globals bound to functions and classes are constants in compiled loops;
# rebinding one, or shadowing a builtin, must be seen at once.
def f(x):
    return x + 1


def run(n):
    s = 0
    for i in range(n):
        s += f(i) + len("ab")
    return s


print(run(500))
f = lambda x: x * 2
print(run(500))
len = lambda s: 100
print(run(500))
del len
print(run(500))
import math as f_mod
def g(x):
    return int(f_mod.sqrt(x))
total = 0
for i in range(400):
    total += g(i)
    if i == 200:
        f_mod = type("M", (), {"sqrt": staticmethod(lambda x: 1.0)})
print(total)
counter = 0
for i in range(2000):
    counter += 1
print(counter)
