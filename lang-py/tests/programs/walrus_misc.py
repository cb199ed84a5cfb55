data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10])
print([(x, y) for x in range(3) if (y := x * x) % 2 == 0])
buf = []
while (chunk := data[len(buf):len(buf) + 2]):
    buf.extend(chunk)
print(buf)
a = b = c = 5
a += 1; b -= 1; c *= c
print(a, b, c, 1 < a < 10 > b, a == 6 != b)
x = [1, 2, 3]
x[0] += 10
x[-1] *= 2
print(x)
class O:
    v = 1
o = O()
o.v += 5
O.v -= 1
print(o.v, O.v)
d = {"k": [1]}
d["k"] += [2]
d["n"] = d.get("n", 0) + 1
print(d)
s = "ab"
s *= 3
s += "!"
print(s)
t = (1,)
t += (2,)
print(t)
n = 10
n //= 3
n **= 3
n %= 7
n <<= 2
n >>= 1
n |= 8
n &= 12
n ^= 5
print(n)
f = 7.5
f /= 2
print(f)
