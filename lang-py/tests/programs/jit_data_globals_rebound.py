# Module globals bound to data are constants to traces until rebound;
# a rebinding (in a loop, from a function, through the module) is seen.
import sys

LIMIT = 7
tracing = False
table = [1, 2, 3]
counter = 0


def work(n):
    total = 0
    for i in range(n):
        if tracing:
            total += 1000
        total += table[i % 3] + LIMIT
    return total


def bump():
    global counter
    counter += 1


print(work(500))
tracing = True
print(work(500))
table = [10, 20, 30]
print(work(500))
table[0] = 100
print(work(500))
mod = sys.modules[__name__]
mod.LIMIT = 0
print(work(500))


def count(n):
    for i in range(n):
        bump()
    return counter


print(count(300), count(300))


def flip(n):
    global tracing
    out = 0
    for i in range(n):
        tracing = i % 2 == 0
        if tracing:
            out += 1
    return out


print(flip(1000), tracing)
for j in range(400):
    last = j * 2
print(last)


def reads_last(n):
    s = 0
    for i in range(n):
        s += last
    return s


print(reads_last(300))
last = 1
print(reads_last(300))
del table
try:
    work(5)
except NameError as e:
    print("NameError", e)
table = (5, 6, 7)
print(work(300))


# A new global that shadows a builtin is seen by compiled code.
def lengths(n):
    s = 0
    for i in range(n):
        s += len("abc")
    return s


print(lengths(300))
len = lambda x: 100
print(lengths(300))
del len
print(lengths(300))
# A name first bound inside a function with `global` is seen too.


def set_late():
    global late
    late = 5


def read_late(n):
    s = 0
    for i in range(n):
        try:
            s += late
        except NameError:
            s -= 1
    return s


print(read_late(300))
set_late()
print(read_late(300))
