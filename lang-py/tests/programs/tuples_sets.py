t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, 2 in t, t.index(3), t.count(1))
print((), (1,), tuple([1, 2]), tuple("ab"), (1, 2) < (1, 3), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
a, b = 1, 2
a, b = b, a
print(a, b)
s = {3, 1, 2}
s.add(4)
s.add(1)
print(sorted(s), len(s), 3 in s, 7 in s)
s.discard(3)
s.remove(4)
print(sorted(s))
x = {1, 2, 3, 4}
y = {3, 4, 5}
print(sorted(x | y), sorted(x & y), sorted(x - y), sorted(x ^ y), x <= {1, 2, 3, 4, 5}, {1} < x)
print(sorted(x.union(y)), sorted(x.intersection(y)), sorted(x.difference(y)), x.isdisjoint({9}))
print(set(), set([1, 1, 2]), frozenset([1, 2]) == frozenset([2, 1]), {frozenset([1]): "f"})
print(sorted({c for c in "hello"}), len(set("mississippi")))
fs = frozenset({1, 2})
print(fs, sorted(fs | {3}))
print({1, 2} == {2, 1}, set() == set(), {(1, 2), (1, 2)})
t2 = tuple(i * i for i in range(4))
print(t2, max(t2), sorted(t2, reverse=True))
print({"a", "b"} - {"a"}, set("ab") & set("bc"))
