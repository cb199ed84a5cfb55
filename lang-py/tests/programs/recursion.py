def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
def hanoi(n, a, b, c, moves):
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append((a, c))
    hanoi(n - 1, b, a, c, moves)
m = []
hanoi(6, "A", "B", "C", m)
print(len(m), m[:3])
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(900))
import sys
sys.setrecursionlimit(5000)
print(depth(4000), sys.getrecursionlimit())
def perms(s):
    if len(s) <= 1:
        return [s]
    out = []
    for i, ch in enumerate(s):
        for p in perms(s[:i] + s[i + 1:]):
            out.append(ch + p)
    return out
print(perms("abc"), len(perms("abcde")))
memo = {}
def fibm(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fibm(n - 1) + fibm(n - 2)
    memo[n] = r
    return r
print(fibm(90))
def inf(n):
    return inf(n + 1)
sys.setrecursionlimit(100)
try:
    inf(0)
except RecursionError as e:
    print("RecursionError:", e)
