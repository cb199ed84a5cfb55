point = (3, 4)
x, y = point
print(point, x, y, point[0], len(point), point + (5,), point * 2, (1,) * 3, () == tuple())
nested = ((1, 2), (3, (4, 5)))
(a, b), (c, (d, e)) = nested
print(a, b, c, d, e, nested[1][1][0])
t = tuple(range(10))
print(t[2:5], t[::-3], t.index(7), t.count(3), 5 in t, min(t), max(t), sum(t))
pairs = [(2, "b"), (1, "a"), (2, "a"), (1, "b")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), max(pairs), min(pairs))
records = {("ann", 1990): "engineer", ("bob", 1985): "artist"}
print(records[("ann", 1990)], ("bob", 1985) in records, sorted(records))
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([5, 2, 9])
print(lo, hi, minmax("hello"))
print(tuple(sorted({3, 1, 2})), tuple("ab"), tuple(x for x in range(3)), (1, 2) < (1, 2, 0), (2,) > (1, 9))
print(hash((1, 2)) == hash((1, 2)), {(1, 2), (1, 2), (2, 1)} == {(2, 1), (1, 2)})
