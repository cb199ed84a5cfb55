class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 2
r = Range2(4)
print(list(r), list(r), sum(r), max(r), sorted(r, reverse=True), [x for x in r if x > 2])
it = iter(r)
print(next(it), next(it), list(it), next(it, "end"))
for a, b in zip(Range2(3), Range2(5)):
    print(a, b)
print(dict(zip(Range2(2), "ab")), list(enumerate(Range2(2))), 4 in Range2(3), 5 in Range2(3))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), [v for v in Seq()], 20 in Seq())
print(list(map(lambda x: x + 1, Range2(3))), list(filter(lambda x: x > 2, Range2(3))), tuple(Range2(2)))
print(set(Range2(3)) == {2, 4, 6}, "".join(str(x) for x in Range2(3)))
it2 = iter([1, 2, 3])
for x in it2:
    if x == 1:
        print("skipping", next(it2))
    else:
        print("x", x)
def gen():
    yield from Range2(2)
    yield from [100]
print(list(gen()))
a, b, c = Range2(3)
print(a, b, c)
print(*Range2(2))
