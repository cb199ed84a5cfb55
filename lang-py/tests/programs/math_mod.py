import math
print(math.sqrt(16), math.sqrt(2), math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sin(0), math.cos(0), math.tan(1), math.atan2(1, 1), math.asin(1), math.acos(0))
print(math.exp(1), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.log1p(0))
print(math.floor(3.7), math.ceil(3.2), math.trunc(-3.7), math.floor(-3.2), math.fabs(-3), math.copysign(3, -0.0))
print(math.gcd(48, 18), math.lcm(4, 6), math.factorial(10), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180), math.fmod(7, 3), math.modf(3.5))
print(math.isnan(float("nan")), math.isinf(1e400), math.isfinite(1.0), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10))
print(math.pow(2, 10), math.frexp(8.0), math.ldexp(0.5, 4), math.dist((0, 0), (3, 4)))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(math.isclose(1.0, 1.0 + 1e-10), round(math.erf(0.5), 12), math.gamma(5))
