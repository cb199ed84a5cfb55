# functools.lru_cache as CPython keeps it (hits/misses, maxsize eviction in LRU order, typed, cache_info/cache_clear/cache_parameters) and os.path.split/splitext/dirname/isabs/abspath/getsize.
import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    "Fibonacci."
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info(), fib.__name__, fib.__doc__)
fib.cache_clear(); print(fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
for v in [1, 2, 1, 3, 2, 1, 1]:
    sq(v)
print(sq.cache_info(), sq.cache_parameters())
@functools.lru_cache
def f(a, b=1):
    return a + b
print(f(1), f(1, b=1), f(a=1), f(1), f.cache_info())
@functools.lru_cache(maxsize=0)
def g(x): return x
g(1); g(1); print(g.cache_info())
@functools.lru_cache(typed=True)
def h(x): return repr(x)
print(h(1), h(1.0), h(True), h.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info) == (0, 0, None, 0))
@functools.cache
def c(n): return n
c(3); c(3); print(c.cache_info())
import os.path, os
for p in ["/a/b.txt", "a/b", "/a", "/", "a/", "//x", "a//b/", "", "x.tar.gz", ".bashrc", "a/.b.c", "a.b/c", "..", "a/..b", "dir/file."]:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.dirname(p), os.path.basename(p), os.path.isabs(p))
print(os.path.abspath("/a/./b/../c"), os.path.abspath("x") == os.path.join(os.getcwd(), "x"))
with open("_ospath_scratch.txt", "w") as f: f.write("12345")
print(os.path.getsize("_ospath_scratch.txt"))
try:
    os.path.getsize("/nonexistent/q")
except FileNotFoundError as e:
    print("FNF", e)
os.remove("_ospath_scratch.txt")
