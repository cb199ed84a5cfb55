# Module globals that keep their first value are read as constants by
# traces; the first rebinding (from anywhere) must be seen at once.
tracing = False
COUNT = 0
LIMIT = 3
table = [1, 2, 3]


def f():
    global COUNT
    s = 0
    for i in range(2000):
        if tracing:
            s -= 1
        s += LIMIT + table[i % 3]
        COUNT += 1
    return s


def flip_midway():
    global LIMIT
    s = 0
    for i in range(3000):
        if i == 1500:
            LIMIT = 100
        s += LIMIT
    return s


print(f(), COUNT)
tracing = True
print(f(), COUNT)
LIMIT = 5
print(f(), COUNT)
for j in range(3):
    LIMIT = j
    print(f(), COUNT)
table = [10, 20, 30]
print(f(), COUNT)
print(flip_midway(), LIMIT)

import sys
mod = sys.modules[__name__]
mod.LIMIT = 7
print(f(), COUNT)
