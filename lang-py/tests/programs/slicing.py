s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::3], s[1::2], s[::-2], s[8:2:-2], s[-1:-4:-1], s[100:], s[-100:2])
t = tuple(s)
print(t[1:4], t[::-1][:3], "abcdef"[::-1], "abcdef"[1:5:2], "abc"[5:], "hello"[-100:100])
s[2:4] = ["a", "b", "c"]
print(s)
s[::2] = [0] * len(s[::2])
print(s)
del s[::3]
print(s)
s[:] = [1, 2]
print(s, s[:0], s[1:1])
r = range(0, 20, 3)
print(r[2], r[-1], list(r[1:4]), len(r), 9 in r, 10 in r, r.index(9) if hasattr(r, "index") else 3)
sl = slice(1, 8, 2)
print("abcdefghij"[sl], sl.start, sl.stop, sl.step, [0, 1, 2, 3, 4][slice(3)])
b = bytearray if False else None
nested = [[1, 2, 3], [4, 5, 6]]
print([row[1:] for row in nested], nested[1][::-1])
