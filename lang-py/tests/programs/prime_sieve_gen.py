def gen_primes():
    composites = {}
    q = 2
    while True:
        if q not in composites:
            yield q
            composites[q * q] = [q]
        else:
            for p in composites[q]:
                composites.setdefault(p + q, []).append(p)
            del composites[q]
        q += 1
g = gen_primes()
first = [next(g) for _ in range(30)]
print(first)
def twin_primes(limit):
    prev = None
    for p in gen_primes():
        if p > limit:
            return
        if prev is not None and p - prev == 2:
            yield (prev, p)
        prev = p
print(list(twin_primes(200)))
def factorize(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
print([factorize(n) for n in [12, 97, 360, 1001, 2 ** 20, 600851475143]])
