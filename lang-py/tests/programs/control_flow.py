for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
print()
for i in range(3):
    pass
else:
    print("for-else ran")
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
else:
    print("while-else", n)
while True:
    n -= 1
    if n < 0:
        break
print("n =", n)
x = 15
if x < 10:
    print("small")
elif x < 20:
    print("medium")
else:
    print("large")
print("yes" if x > 10 else "no", 1 < x < 20, 1 < x > 20, x == 15 == 15)
print(0 or "default", 5 and 7, None or [] or "last", 0 and 1, not 0, not [1])
for i, c in enumerate("abc"):
    print(i, c)
for i, c in enumerate("xy", start=10):
    print(i, c)
for a, b in zip([1, 2, 3], "abc"):
    print(a, b)
total = 0
for i in range(3):
    for j in range(3):
        if j > i:
            break
        total += j
print(total)
if (y := 10) > 5:
    print("walrus", y)
i = 0
while (i := i + 1) < 3:
    print("w", i)
