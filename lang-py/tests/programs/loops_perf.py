def sum_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total
def count_primes(n):
    count = 0
    for k in range(2, n):
        is_p = True
        d = 2
        while d * d <= k:
            if k % d == 0:
                is_p = False
                break
            d += 1
        if is_p:
            count += 1
    return count
def float_loop(n):
    x = 0.0
    for i in range(n):
        x = x * 0.5 + i * 0.25
    return x
def list_build(n):
    out = []
    for i in range(n):
        if i % 3 == 0:
            out.append(i)
    return len(out), out[-1]
def dict_count(n):
    d = {}
    for i in range(n):
        k = i % 17
        d[k] = d.get(k, 0) + 1
    return sorted(d.items())[:3]
def string_build(n):
    parts = []
    for i in range(n):
        parts.append(str(i % 10))
    return len("".join(parts))
print(sum_squares(200000), count_primes(5000), float_loop(100000), list_build(50000), dict_count(30000), string_build(20000))
