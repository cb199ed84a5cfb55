def hot(n):
    acc = 0
    for i in range(n):
        if i % 3 == 0:
            acc += i
        elif i % 3 == 1:
            acc -= 1
        else:
            acc ^= i
    return acc
print(hot(10), hot(1000), hot(100000))
def nested(n):
    total = 0
    for i in range(n):
        for j in range(i % 7):
            total += j * i
    return total
print(nested(2000))
def floats(n):
    x = 0.0
    y = 1.0
    for i in range(n):
        x += y / (i + 1)
        y = -y
    return round(x, 10)
print(floats(100000))
def with_list(n):
    xs = [0] * 10
    for i in range(n):
        xs[i % 10] += i
    return xs
print(with_list(50000))
