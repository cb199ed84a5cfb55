a = [5, 3, 8, 1]
a.append(7)
a.extend([2, 9])
a.insert(0, 10)
print(a, len(a), a.index(8), a.count(3))
a.remove(3)
print(a.pop(), a.pop(0), a)
a.sort()
print(a)
a.reverse()
print(a, a[::-1], a[1:-1], a[::2])
b = a.copy()
b[0] = 100
print(a[0], b[0])
a[1:3] = [20, 30, 40]
print(a)
del a[0]
del a[1:3]
print(a)
print([1, 2] + [3], [0] * 5, [[0] * 2 for _ in range(2)], 3 in [1, 2, 3], 4 not in [1, 2, 3])
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
m = [[1, 2], [3, 4]]
m[0][1] = 5
print(m, [row[0] for row in m], list(zip(*m)))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -2)), list(range(0)))
print([x for x in range(20) if x % 3 == 0], [(i, j) for i in range(3) for j in range(i)])
print(max([1, 5, 3]), min([4, 2, 8]), sum([1.5, 2.5]), any([0, 0, 1]), all([1, 1, 0]), all([]))
e = []
print(e, bool(e), bool([0]), len(e))
nums = [3, 1, 4, 1, 5, 9, 2, 6]
nums.sort(key=lambda v: -v)
print(nums)
x, *rest = nums
print(x, rest)
*init, last = nums
print(init, last)
first, (p, q), third = 1, (2, 3), 4
print(first, p, q, third)
l = [1, 2, 3]
l *= 2
print(l, l == [1, 2, 3, 1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
l.clear()
print(l)
print(list("abc"), list((1, 2)), list({"a": 1}), [i for i in reversed([1, 2, 3])])
