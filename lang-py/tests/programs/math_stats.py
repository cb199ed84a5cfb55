import math
data = [2.5, 3.1, 4.7, 1.2, 5.5, 3.3, 4.0]
n = len(data)
mean = sum(data) / n
var = sum((x - mean) ** 2 for x in data) / (n - 1)
sd = math.sqrt(var)
s = sorted(data)
median = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
print(round(mean, 6), round(var, 6), round(sd, 6), median, min(data), max(data))
def pearson(xs, ys):
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    den = math.sqrt(sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys))
    return num / den
print(round(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), 6))
print(math.hypot(*[3, 4]), round(math.atan2(1, 2), 6), math.floor(-0.5), math.ceil(-0.5), round(math.log(1000, 10), 12))
