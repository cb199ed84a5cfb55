calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(5), calls)
calls.clear()
print(v(1) == v(1) != v(2) is not None, calls)
x = 5
print(1 < x <= 5, 5 < x, 0 <= x < 10 > 3, x in [5] in [[5]], not 1 < x < 3)
print("a" < "b" < "c", [1] < [2] < [3], (1, 2) <= (1, 2) < (1, 3))
