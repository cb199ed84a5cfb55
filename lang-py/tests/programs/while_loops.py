n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
a, b = 0, 1
fibs = []
while len(fibs) < 10:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
i = 10
while i:
    i -= 3
    if i < 0:
        break
print(i)
x = 100
while x > 1:
    x //= 3
else:
    print("done", x)
count = 0
while True:
    count += 1
    if count % 7 == 0 and count % 5 == 0:
        break
print(count)
