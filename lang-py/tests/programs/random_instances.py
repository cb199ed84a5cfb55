# Independent generators, seeding by int, str, bytes and float, and the
# distributions, all against CPython's exact sequences.
import random

a = random.Random(42)
b = random.Random(42)
print(a.random() == b.random())
print([a.randint(1, 100) for _ in range(5)])
print([b.randint(1, 100) for _ in range(5)])
random.seed(7)
x = random.random()
c = random.Random(7)
print(x == c.random())
random.seed(7)
a.seed(1)
print(random.random() == x)

for seed in [0, 1, -5, 2**100, "hello", b"bytes", 3.5, True, None]:
    r = random.Random(seed)
    if seed is None:
        print("none seeded", 0 <= r.random() < 1)
    else:
        print(repr(seed), r.random(), r.getrandbits(70))

r = random.Random(12345)
print(r.randbytes(10))
print(r.randrange(10), r.randrange(5, 50, 5), r.choice("abcdef"))
lst = list(range(20))
r.shuffle(lst)
print(lst)
print(r.sample(range(100), 5))
print(r.choices("abc", weights=[1, 2, 3], k=6))
print(round(r.uniform(1, 2), 12), round(r.triangular(0, 10, 3), 12))
print(round(r.gauss(0, 1), 12), round(r.normalvariate(5, 2), 12))
print(round(r.expovariate(1.5), 12), round(r.lognormvariate(0, 1), 12))
print(round(r.paretovariate(2.0), 12), round(r.weibullvariate(1.0, 1.5), 12))
print(round(r.vonmisesvariate(1.0, 4.0), 12))
print(round(r.gammavariate(2.5, 1.0), 12), round(r.gammavariate(0.5, 2.0), 12))
print(round(r.gammavariate(1.0, 3.0), 12), round(r.betavariate(2.0, 3.0), 12))
try:
    random.Random([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    r.gammavariate(0, 1)
except ValueError as e:
    print("ValueError:", e)
