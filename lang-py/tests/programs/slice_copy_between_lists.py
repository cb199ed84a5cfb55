# x[lo:hi] = src[a:b:c] in its forms: the fast copy and everything it hands on.
def flips(perm):
    n = 0
    k = perm[0]
    while k:
        perm[:k + 1] = perm[k::-1]
        n += 1
        k = perm[0]
    return n

print(flips([3, 1, 0, 2]), flips([2, 0, 1]))
total = 0
for i in range(300):
    p = [(i * 7 + j * 3) % 9 for j in range(9)]
    seen = set()
    q = []
    for v in p:
        if v not in seen:
            seen.add(v)
            q.append(v)
    total += flips(q + [v for v in range(9) if v not in seen])
print(total)

a = list(range(10))
b = list(range(100, 140))
a[2:4] = b[::5]
print(a)
a[:] = b[1:3]
print(a)
a[1:1] = b[:0]
print(a)
a[5:] = b[-3:]
print(a)
k = 2
a[k:k + 3] = a[::-1]
print(a)
a[k - 1:] = a[:k - 1:-2]
print(a)
a[-2:] = b[38:1:-1]
print(len(a), a[:4], a[-3:])
# Aliasing: the source is the target.
c = [1, 2, 3, 4, 5, 6]
c[1:5] = c[::2]
print(c)
c[:3] = c[2:]
print(c)
# Large copies go through the heap buffer.
big = list(range(100))
big[10:90] = big[99:0:-1]
print(len(big), big[:12], sum(big))
# Not lists: the ordinary path (and its errors).
t = (1, 2, 3, 4)
d = [0, 0, 0]
d[0:2] = t[1:3]
print(d)
s = "hello"
d[1:] = s[::-1]
print(d)
class Seq:
    def __getitem__(self, i):
        print("getitem", i)
        return [9, 9]
d[:1] = Seq()[1:2]
print(d)
try:
    d[:1] = d[::0]
except ValueError as e:
    print("ValueError", e)
try:
    d[:1] = d[1.5:]
except TypeError as e:
    print("TypeError", e)
lo = 1.0
try:
    d[lo:] = d[:]
except TypeError as e:
    print("TypeError", e)
print(d)
big_i = 10 ** 20
d[big_i:] = d[:1]
d[:-big_i] = d[-1:]
print(d)
def unbound():
    e = [1, 2, 3]
    try:
        e[:m] = e[::-1]
    except UnboundLocalError as exc:
        print("UnboundLocalError", exc)
    m = 1
    e[:m] = e[::-1]
    print(e)
unbound()
