def bubble(xs):
    xs = list(xs)
    n = len(xs)
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
    return xs
def quick(xs):
    if len(xs) <= 1:
        return xs
    p = xs[len(xs) // 2]
    return quick([x for x in xs if x < p]) + [x for x in xs if x == p] + quick([x for x in xs if x > p])
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]
def insertion(xs):
    xs = xs[:]
    for i in range(1, len(xs)):
        k = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > k:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = k
    return xs
data = [(i * 7919) % 101 for i in range(60)]
print(bubble(data) == sorted(data), quick(data) == sorted(data), merge_sort(data) == sorted(data), insertion(data) == sorted(data))
print(sorted(data)[:10], sorted(data, reverse=True)[:5])
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w)))
people = [("al", 30), ("bo", 25), ("cy", 30), ("di", 25)]
print(sorted(people, key=lambda p: p[1]), sorted(people, key=lambda p: (-p[1], p[0])))
