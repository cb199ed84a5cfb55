from fractions import Fraction
import math
a = Fraction(3, 4); b = Fraction('1/3'); c = Fraction(0.5); d = Fraction('-1.25e1')
print(a, b, c, d, repr(a), Fraction(6, -4), Fraction(), Fraction(' 7 '), Fraction('3.1415'))
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a ** -2, 2 ** Fraction(3), Fraction(4) ** Fraction(1, 2))
print(a + 1, 1 + a, a + 0.5, 1 - a, 2 / a, a * 3, 3 % a, divmod(Fraction(7, 2), 2))
print(a == Fraction(6, 8), a == 0.75, a < 1, a > b, b <= Fraction(1, 3), a != 1, Fraction(2) == 2)
print(float(a), int(Fraction(-7, 2)), math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 2))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(5)), hash(Fraction(1, 3)), hash(Fraction(-2, 7)))
print(Fraction(math.pi).limit_denominator(1000), Fraction(1, 3).limit_denominator(2), a.numerator, a.denominator, a.as_integer_ratio())
print(sorted([Fraction(1, 2), Fraction(1, 3), 0.4, 1]), sum([Fraction(1, n) for n in range(1, 6)]), abs(Fraction(-1, 3)), -a, bool(Fraction(0)))
print(Fraction.from_float(0.1), {Fraction(1, 2): 'x'}[Fraction(2, 4)])
for bad in ['1/0', 'abc', '1/-2', '']:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
