# A dict or set keeps the first of equal keys (7, 7.0, True/1, 0.0/-0.0/False).
d = {7.0: 1}
d[7] = 2
print(d)
e = {7: 1}
e[7.0] = 2
print(e)
f = {True: 1}
f[1] = 2
f[1.0] = 3
print(f)
z = {0.0: 'a'}
z[-0.0] = 'b'
z[0] = 'c'
z[False] = 'd'
print(z, len(z))
nz = {-0.0: 1}
nz[0] = 2
print(nz)
s = {7.0}
s.add(7)
print(s, 7 in s, 7.0 in s)
s2 = {1}
s2.add(True)
s2.add(1.0)
print(s2)
print({1.0, 2, 3.0} | {1, 2.0}, {1, 2.0} | {1.0, 2, 3.0})
print({1.0, 2} & {1, 2.0}, {1.0, 2} - {1}, {1.0, 2} ^ {1, 3.0})
print(7 in d, 7.0 in d, list(d.keys()), d[7], d[7.0], d.get(7))
print(dict.fromkeys([2.0, 2, 3]))
print({2: 'x', 2.0: 'y'}, {2.0: 'x', 2: 'y'})
print({k: k for k in [1.0, 1, 2, 2.0]})
print(hash(7.0) == hash(7), hash(0.0) == hash(-0.0) == hash(0) == hash(False))
print({(1, 2.0): 'a'}[(1.0, 2)])
t = {(1.5, 2): "a"}
t[(1.5, 2.0)] = "b"
print(t)
g = {1.5: 'a', 3.0: 'b'}
del g[3]
print(g, g.pop(1.5), g)
h = {5.0: 1}
h.update({5: 2, 6: 3})
print(h, h == {5: 2, 6.0: 3}, {5: 1} == {5.0: 1})
u = {4.0}
u.discard(4)
print(u)
u.update([4, 4.0, 8])
print(u, u == {4.0, 8.0})
m = {}
for i in range(300):
    m[i] = i
    m[float(i)] = -i
    m[i % 7] = m.get(i % 7, 0) + 1
print(len(m), list(m.items())[:5], m[299])
c = {}
for w in [1, 1.0, True, 2, 2.0, 3]:
    c[w] = c.get(w, 0) + 1
print(c)
fs = frozenset([1.0, 2.0])
print(fs == frozenset([1, 2]), {fs: 1}[frozenset([1, 2])])
