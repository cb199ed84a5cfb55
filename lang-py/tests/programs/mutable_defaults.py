def append_to(x, target=[]):
    target.append(x)
    return target
print(append_to(1), append_to(2), append_to(3, []))
def safe_append(x, target=None):
    if target is None:
        target = []
    target.append(x)
    return target
print(safe_append(1), safe_append(2))
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a == [1, 2, 3, 4])
c = a[:]
c.append(5)
print(a, c)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
import copy
nested = [[1, 2], [3, [4, 5]]]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested[1][1].append(6)
print(shallow, deep)
d = {"k": [1]}
d2 = dict(d)
d2["k"].append(2)
print(d)
t = ([1], 2)
t[0].append(3)
print(t)
