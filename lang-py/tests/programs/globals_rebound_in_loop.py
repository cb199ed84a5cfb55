# A global read at one instruction while it is rebound between data,
# functions, classes and deletion (the interpreter's global cache must
# follow every change), with a builtin shadowed and unshadowed.


def f():
    return "f"


class C:
    pass


def read():
    return g


def use_len(x):
    return len(x)


out = []
g = 1
for i in range(3000):
    if i == 500:
        g = f
    elif i == 1000:
        g = C
    elif i == 1500:
        g = "data"
    elif i == 2000:
        g = f
    elif i == 2500:
        del g
    try:
        v = read()
    except NameError as e:
        v = str(e)
    if i % 250 == 0:
        out.append(v if isinstance(v, (int, str)) else v.__name__)
print(out)

tot = 0
for i in range(2000):
    if i == 1000:
        len = lambda x: 7
    tot += use_len([1, 2])
del len
print(tot, use_len([1, 2, 3]))
