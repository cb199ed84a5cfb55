# Special methods looked up on the class by the interpreter's fast paths
# (iteration, instantiation, calling an instance, len, truth) must notice
# a class that changes while a loop using them is compiled.


class Bag(list):
    pass


class Thing:
    def __init__(self, v):
        self.v = v


class Fn:
    def __call__(self, x):
        return x + 1


def run(n, bag, fn):
    total = 0
    for i in range(n):
        for x in bag:
            total += x
        t = Thing(i)
        total += t.v
        total += fn(i)
        total += len(bag)
        if bag:
            total += 1
    return total


bag = Bag([1, 2, 3])
fn = Fn()
print(run(3000, bag, fn))
Bag.__iter__ = lambda self: iter([100])
print(run(3000, bag, fn))
Thing.__init__ = lambda self, v: setattr(self, "v", -v)
print(run(3000, bag, fn))
Fn.__call__ = lambda self, x: x * 2
print(run(3000, bag, fn))
Bag.__len__ = lambda self: 7
print(run(3000, bag, fn))
Bag.__bool__ = lambda self: False
print(run(3000, bag, fn))


def make(n):
    out = 0
    for i in range(n):
        out += Thing(i).v
        if i == n // 2:
            Thing.__init__ = lambda self, v: setattr(self, "v", 1000)
    return out


print(make(3000))
Thing.__new__ = lambda cls, v: Fn()
print(type(Thing(1)).__name__)
