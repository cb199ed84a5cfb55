import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(d > 900, d < 1001)
sys.setrecursionlimit(50)
def f(n):
    return f(n + 1) if n < 1000 else n
try:
    f(0)
except RecursionError as e:
    print("limited:", e)
sys.setrecursionlimit(3000)
def g(n):
    return 0 if n == 0 else 1 + g(n - 1)
print(g(2500))
