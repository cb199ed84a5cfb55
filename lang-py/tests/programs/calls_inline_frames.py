# Calls and returns the plain interpreter runs without the executor (a
# Python frame pushed or popped inside its own loop), mixed with the calls
# that still go the generic way: keywords, defaults, super().__init__,
# properties, generators, closures, exceptions unwinding through several
# such frames, and the recursion limit.
import sys


class Node:
    def __init__(self, value, nxt=None):
        self.value = value
        self.nxt = nxt

    def total(self):
        if self.nxt is None:
            return self.value
        return self.value + self.nxt.total()

    def find(self, v):
        if self.value == v:
            return self
        if self.nxt is None:
            raise KeyError(v)
        return self.nxt.find(v)


class Tagged(Node):
    def __init__(self, value, nxt=None, tag="t"):
        super().__init__(value, nxt)
        self.tag = tag

    def total(self):
        return 1000 + super().total()

    @property
    def label(self):
        return "%s%d" % (self.tag, self.value)


def build(n):
    head = None
    for i in range(n):
        head = Tagged(i, head, tag="k") if i % 4 == 0 else Node(i, head)
    return head


head = build(40)
for _ in range(3):
    print(head.total())

# An exception raised 30 frames down, caught by the outermost caller.
for v in (5, 99):
    try:
        print(head.find(v).value)
    except KeyError as e:
        print("missing", e)


def catch_midway(node, v):
    try:
        return node.find(v)
    except KeyError:
        return "caught at %d" % node.value


def descend(node, k, v):
    if k == 0:
        return catch_midway(node, v)
    return descend(node.nxt, k - 1, v)


for _ in range(3):
    print(descend(head, 5, 1).value, descend(head, 5, -1))


# Keywords, defaults and *args between plain calls.
def scale(x, by=2, *, plus=0):
    return x * by + plus


def chain(x):
    return scale(x) + scale(x, 3) + scale(x, by=4, plus=1) + scale(*(x, 5))


print([chain(i) for i in range(5)])


# A property read, and a method returning into a generator's frame.
def labels(node):
    while node is not None:
        if isinstance(node, Tagged):
            yield node.label + ":" + str(node.total() % 7)
        node = node.nxt


print(list(labels(head))[:4])


# Closures.
def counter():
    n = [0]

    def bump(k):
        n[0] += k
        return n[0]

    return bump


b = counter()
print([b(i) for i in range(6)])


# The recursion limit, raised in a deep chain of plain calls, caught at
# different depths, then the chain works again.
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


def guarded(n):
    try:
        return deep(n)
    except RecursionError as e:
        return "RecursionError: " + str(e)


print(guarded(500))
print(guarded(5000))
print(guarded(800))
sys.setrecursionlimit(200)
print(guarded(150), guarded(250))
sys.setrecursionlimit(1000)


# An exception raised in __init__ of a class called through the
# instantiation shortcut, and a return value discarded from __init__.
class Picky:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative: %d" % v)
        self.v = v


def make_all(vs):
    out = []
    for v in vs:
        try:
            out.append(Picky(v).v)
        except ValueError as e:
            out.append(str(e))
    return out


print(make_all([1, -2, 3]))
