def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def evens():
    for n in naturals():
        if n % 2 == 0:
            yield n
def squares(it):
    for x in it:
        yield x * x
print(take(5, squares(evens())))
def running_avg():
    total = 0.0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
ra = running_avg()
next(ra)
print([ra.send(v) for v in [10, 20, 30]])
def chain_all(*its):
    for it in its:
        yield from it
print(list(chain_all([1, 2], "ab", range(2))))
def tree(n):
    if n == 0:
        return
    yield from tree(n - 1)
    yield n
    yield from tree(n - 1)
print(list(tree(3)))
g = (x for x in range(3))
print(list(g), list(g))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for v in closing():
    print("v", v)
c = closing()
print(next(c))
c.close()
def counter(start):
    while True:
        cmd = yield start
        if cmd == "reset":
            start = 0
        else:
            start += 1
cn = counter(5)
print(next(cn), next(cn), cn.send("reset"), next(cn))
print(list(enumerate(x * 2 for x in range(3))), dict(zip("ab", naturals())))
gens = [(i * j for j in range(3)) for i in range(3)]
print([list(g) for g in gens])
