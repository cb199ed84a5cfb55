def fib_rec(n):
    return n if n < 2 else fib_rec(n - 1) + fib_rec(n - 2)
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import functools
@functools.lru_cache(None)
def fib_memo(n):
    return n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
g = fib_gen()
print(fib_rec(20), fib_iter(100), [next(g) for _ in range(12)], fib_memo(150))
print(all(fib_rec(i) == fib_iter(i) == fib_memo(i) for i in range(20)))
