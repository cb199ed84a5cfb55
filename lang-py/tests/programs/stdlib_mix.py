import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.randrange(0, 100, 7))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.uniform(1, 2), random.sample(range(100), 5), random.gauss(0, 1))
print(random.choices(["a", "b", "c"], [1, 2, 3], k=5), random.getrandbits(70))
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict
d = deque([1, 2, 3]); d.appendleft(0); d.append(4); print(d, d.popleft(), d.pop(), len(d))
dd = defaultdict(list); dd["a"].append(1); dd["b"].append(2); dd["a"].append(3); print(dd, dict(dd))
c = Counter("abracadabra"); print(c, c.most_common(2), c["a"], c["z"])
P = namedtuple("P", "x y"); p = P(1, y=2); print(p, p.x, p[1], tuple(p), p == P(1, 2), p._asdict())
import itertools, functools, operator, heapq, bisect, string, math, json
print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations("abcd", 2)), list(itertools.product("ab", repeat=2)))
print(list(itertools.islice(itertools.count(5), 3)), list(itertools.chain([1], (2, 3))), list(itertools.accumulate([1, 2, 3])))
print(functools.reduce(operator.add, [1, 2, 3, 4]), sorted([(1, "b"), (0, "a")], key=operator.itemgetter(1)))
h = []
for v in [5, 1, 4, 2]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(4)], bisect.bisect_left([1, 3, 5], 4), string.ascii_lowercase[:5])
print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.factorial(20), math.pi, math.log(100, 10), math.isclose(0.1 + 0.2, 0.3))
print(json.dumps({"a": [1, 2.5, None, True], "b": "x\"y"}), json.loads('{"k": [1, 2, {"z": null}], "f": 1.5}'))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
