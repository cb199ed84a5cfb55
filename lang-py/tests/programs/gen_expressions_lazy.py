log = []
def src(n):
    for i in range(n):
        log.append(i)
        yield i
g = (x * 2 for x in src(5))
print(log)
print(next(g), log)
print(list(g), log)
it = (c.upper() for c in "abc")
print(type(it).__name__, "".join(it), "".join(it))
print(any(x > 2 for x in src(10)), log[-1])
total = sum(x for x in range(1000000) if x % 99999 == 0)
print(total)
