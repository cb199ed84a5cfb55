import functools
import operator
print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(operator.add, [], 0))
add5 = functools.partial(operator.add, 5)
print(add5(10), list(map(add5, [1, 2])))
def compare(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(compare)), sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))
calls = []
@functools.lru_cache(maxsize=None)
def slow(n):
    calls.append(n)
    return n * n
print(slow(4), slow(4), slow(5), calls)
def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a) + 1
    return inner
@deco
def named(x):
    return x
print(named(1), named.__name__)
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(operator.itemgetter(1, 0)([10, 20]), operator.attrgetter("v")(V(9)), operator.mul(3, 4), operator.neg(5))
