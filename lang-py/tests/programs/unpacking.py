a, b, c = [1, 2, 3]
print(a, b, c)
(a, b), c = (4, 5), 6
print(a, b, c)
a, *b = "hello"
print(a, b)
*a, b, c = range(5)
print(a, b, c)
first, *middle, last = [1]  + [2, 3, 4] + [5]
print(first, middle, last)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
d = {"k": 1, "j": 2}
for k, v in sorted(d.items()):
    print(k, v)
print(*[1, 2], *"ab", sep="|")
print([*range(3), *[9]], (*"xy",), {*[1, 1, 2]}, {**d, "z": 0})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(4,), a=1, **{"b": 2}))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
x = y = z = 7
print(x, y, z)
m = [[1, 2], [3, 4]]
(p, q), (r, s) = m
print(p, q, r, s)
i = 0
arr = [0, 0, 0]
i, arr[i] = 1, 9
print(i, arr)
