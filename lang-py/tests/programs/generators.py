def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(10)))
g = count_up(3)
print(next(g), next(g), next(g), next(g, "done"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
squares = (x * x for x in range(6))
print(list(squares), list(squares))
print(sum(x for x in range(100) if x % 7 == 0))
def delegate():
    yield "start"
    r = yield from count_up(3)
    yield "end"
print(list(delegate()))
def echo():
    received = yield "ready"
    while True:
        received = yield "got " + str(received)
e = echo()
print(next(e), e.send(1), e.send("x"))
def gen_with_return():
    yield 1
    return "ret"
def wrapper():
    v = yield from gen_with_return()
    yield v
print(list(wrapper()))
print(list(zip(count_up(3), "abc")), list(enumerate(count_up(2))), list(map(lambda x: x * 10, count_up(3))))
print(list(filter(None, [0, 1, 2, 0])), list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(map(str, [1, 2])))
print(sorted(count_up(4), reverse=True), max(count_up(5)), min(x for x in [5, 3, 9]), any(x > 3 for x in range(5)))
def nested():
    for i in range(3):
        for j in range(2):
            yield (i, j)
print(list(nested()))
it = iter([1, 2, 3])
print(next(it), list(it))
try:
    next(iter([]))
except StopIteration:
    print("empty iterator")
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)), [x for x in Countdown(2)])
for v in Countdown(2):
    print("cd", v)
gen = (i for i in range(3))
print(type(gen).__name__)
print(",".join(str(x) for x in range(5)), tuple(x for x in "ab"), set(x % 3 for x in range(10)), dict((x, x) for x in range(2)))
