# List slicing, slice assignment, pop(i) and insert(i, x) in loops (the
# interpreter's inline paths and their compiled traces), with the edge
# cases: negative and out-of-range bounds, steps, self-assignment, length
# changes, and the errors.


def flips(perm):
    perm = perm[:]
    n = 0
    k = perm[0]
    while k:
        perm[:k + 1] = perm[k::-1]
        n += 1
        k = perm[0]
    return n, perm


total = 0
p = [3, 1, 4, 0, 2, 6, 5]
for i in range(400):
    n, q = flips(p)
    total += n
    p.insert(i % 7, p.pop(0))
print(total, p, q)

a = list(range(10))
out = []
for i in range(300):
    j = i % 13 - 6
    out.append(a[j:])
    out.append(a[:j])
    out.append(a[j:j + 3])
    out.append(a[::j or 1])
    out.append(a[j::-2])
    out.append(a[-100:100])
    out.append(a[100:])
print(len(out), out[-7:], sum(len(x) for x in out))

b = list(range(8))
for i in range(300):
    k = i % 5
    b[k:k + 2] = b[k + 1:k + 3]
    b[:] = b
    b[2:3] = [i, i + 1]
    b[-3:] = []
    if len(b) < 8:
        b[len(b):] = [i] * (8 - len(b))
print(b)
c = [1, 2, 3]
c[1:1] = c
print(c)
c[::2] = [9, 9, 9]
print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    c[::0]
except ValueError as e:
    print("ValueError", e)
try:
    c[1:2] = 5
except TypeError as e:
    print("TypeError", e)
c[1:3] = (7, 8, 9)
print(c)

d = []
pop = d.pop
ins = d.insert
app = d.append
for i in range(500):
    ins(i % 3 - 1, i)
    if i % 4 == 0 and len(d) > 1:
        app(pop(0) + pop(-1))
    if i % 7 == 0:
        ins(1000, pop(len(d) // 2))
    if i % 11 == 0:
        ins(-1000, -i)
print(len(d), d[:10], d[-10:], sum(d))
for bad in (100, -100):
    try:
        d.pop(bad)
    except IndexError as e:
        print("IndexError", e)
e = []
try:
    e.pop(0)
except IndexError as x:
    print("IndexError", x)
try:
    e.insert("1", 2)
except TypeError as x:
    print("TypeError", x)
todo = [1, 2, 3]
seen = []
while todo:
    v = todo.pop(0)
    seen.append(v)
    if v < 300:
        todo.append(v * 2)
        todo.insert(0, v * 2 + 1) if v % 5 == 0 else None
print(len(seen), seen[-5:])
