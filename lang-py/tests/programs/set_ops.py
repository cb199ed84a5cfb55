a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), a & b, a - b, b - a, sorted(a ^ b))
print(sorted(a.union([9])), a.intersection(range(3)), sorted(a.difference({1})), sorted(a.symmetric_difference({1, 9})))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7}), {1} < a, a <= a, a > {1, 2})
c = set()
for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    c.add(x)
print(c, len(c), sorted(c), min(c), max(c), sum(c))
c.discard(100)
c.remove(9)
print(c, 9 in c, c.pop() in {1, 2, 3, 4, 5, 6})
d = {10, 20}
d |= {30}
d &= {10, 30, 40}
d -= {10}
print(d)
fs = frozenset([1, 2, 3])
print(fs, fs | {4}, hash(fs) == hash(frozenset([3, 2, 1])), {fs: 1}[frozenset({1, 2, 3})])
words = ["apple", "banana", "apple", "cherry", "banana"]
print(sorted(set(words)), len(set(words)), {len(w) for w in words})
print({x for x in range(20) if x % 3 == 0}, set(range(5)) - {0, 4}, sorted({-1, -5, 3}))
e = {1, 2}
e.update([3], (4,))
print(e, e.copy() == e, e.copy() is e)
e.clear()
print(e, bool(e))
