print(0.1 + 0.2, 1.0, 1.5e300 * 1e10, -0.0, 1e16, 1e15, 123456789.0, 1e-4, 1e-5, 0.00012)
print(3.14159, 2.0 ** 0.5, 10 / 3, 1 / 3, 2 / 3, 100.0, 1e22, 1.7976931348623157e308)
print(float("1.5"), float("inf"), float("-inf"), float(" 3 "), float(7), 5e-324)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 2 ** 0.5, 4 ** 0.5, 1.5 ** 2)
print(round(2.675, 2), round(1.23456, 3), round(0.5), round(1.5), round(-0.5))
print(int(1e20), float(2 ** 60), 3 * 1.1, 0.1 * 3)
print(1.0 == 1, 1 == 1.0, 0.1 + 0.2 == 0.3, 2.0 < 3, 3 > 2.5)
print(abs(-2.5), max(1.5, 2), min(0.1, 0.01))
x = 1.0
for i in range(10):
    x = x * 1.1
print(x)
print(float("nan") == float("nan"), 1e308 * 10, -1e308 * 10)
print(sum([0.1] * 10), 1e100, 12345.6789e-10)
print(divmod(7.5, 2), (1.5).is_integer(), (2.0).is_integer())
