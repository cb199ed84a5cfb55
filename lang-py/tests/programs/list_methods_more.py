a = [5, 1, 4]
a.extend(range(2))
a.extend("xy")
print(a)
a = [3, 1, 2]
a.insert(0, 9)
a.insert(100, 7)
a.insert(-1, 8)
print(a, a.index(8), a.count(1))
print(a.pop(), a.pop(0), a.pop(-2), a)
b = a.copy()
b.reverse()
print(a, b, a + b, a * 2, [0] * 0, b[::-1] == a)
c = [[1, 2], [3]]
d = c.copy()
d[0].append(9)
print(c, d)
e = list(range(10))
del e[2:8:2]
print(e)
e[1:3] = []
print(e)
e[::-1] = e[:]
print(e, len(e))
f = []
f += [1]
f += (2, 3)
f += "ab"
print(f)
print([1, 2, 3] == [1, 2, 3], [1, 2] != [1, 2, 3], [] == [], [[]] == [[]], [1, [2]] < [1, [3]])
