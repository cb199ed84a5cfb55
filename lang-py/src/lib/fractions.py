# fractions: exact rational numbers (Fraction), normalised by gcd, mixing
# with int (exactly) and float (inexactly) as CPython's numeric tower does,
# with the same str/repr, hash and rounding.

import math as _math

__all__ = ['Fraction']

_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159


def _parse(text):
    s = text.strip().replace('_', '')
    if not s:
        raise ValueError('Invalid literal for Fraction: %r' % text)
    sign = 1
    if s[0] in '+-':
        if s[0] == '-':
            sign = -1
        s = s[1:]
    if '/' in s:
        num, _, den = s.partition('/')
        if not num.strip().isdigit() or not den.strip().isdigit() or num != num.strip():
            raise ValueError('Invalid literal for Fraction: %r' % text)
        return sign * int(num), int(den)
    mantissa, exp = s, 0
    for e in 'eE':
        if e in s:
            mantissa, _, ex = s.partition(e)
            try:
                exp = int(ex)
            except ValueError:
                raise ValueError('Invalid literal for Fraction: %r' % text) from None
            break
    whole, dot, frac = mantissa.partition('.')
    if not (whole + frac) or not (whole + frac).isdigit():
        raise ValueError('Invalid literal for Fraction: %r' % text)
    num = int(whole + frac) if whole + frac else 0
    den = 10 ** len(frac)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction:
    def __init__(self, numerator=0, denominator=None):
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._n = int(numerator)
                self._d = 1
                return
            if isinstance(numerator, Fraction):
                self._n = numerator._n
                self._d = numerator._d
                return
            if isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._n = n
                self._d = d
                return
            if isinstance(numerator, str):
                n, d = _parse(numerator)
            elif hasattr(numerator, 'as_integer_ratio'):
                n, d = numerator.as_integer_ratio()
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a = Fraction(numerator)
                b = Fraction(denominator)
                n = a._n * b._d
                d = a._d * b._n
            else:
                n, d = int(numerator), int(denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if d == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % n)
        g = _math.gcd(n, d)
        if d < 0:
            g = -g
        self._n = n // g
        self._d = d // g

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @property
    def numerator(self):
        return self._n

    @property
    def denominator(self):
        return self._d

    def as_integer_ratio(self):
        return (self._n, self._d)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._d <= max_denominator:
            return Fraction(self._n, self._d)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._n, self._d
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._d:
            return Fraction(p1, q1)
        return Fraction(p0 + k * p1, q0 + k * q1)

    def __repr__(self):
        return 'Fraction(%s, %s)' % (self._n, self._d)

    def __str__(self):
        if self._d == 1:
            return str(self._n)
        return '%s/%s' % (self._n, self._d)

    # Arithmetic: Fraction op (int | Fraction) stays exact; float makes float.

    @staticmethod
    def _coerce(other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def __add__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            return Fraction(self._n * o._d + o._n * self._d, self._d * o._d)
        if isinstance(other, float):
            return float(self) + other
        if isinstance(other, complex):
            return complex(float(self)) + other
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            return Fraction(self._n * o._d - o._n * self._d, self._d * o._d)
        if isinstance(other, float):
            return float(self) - other
        return NotImplemented

    def __rsub__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            return o - self
        if isinstance(other, float):
            return other - float(self)
        return NotImplemented

    def __mul__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            return Fraction(self._n * o._n, self._d * o._d)
        if isinstance(other, float):
            return float(self) * other
        return NotImplemented

    def __rmul__(self, other):
        return self.__mul__(other)

    def __truediv__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            if o._n == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (self._n * o._d))
            return Fraction(self._n * o._d, self._d * o._n)
        if isinstance(other, float):
            return float(self) / other
        return NotImplemented

    def __rtruediv__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            return o / self
        if isinstance(other, float):
            return other / float(self)
        return NotImplemented

    def __floordiv__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            return (self._n * o._d) // (self._d * o._n)
        if isinstance(other, float):
            return float(self) // other
        return NotImplemented

    def __rfloordiv__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            return o // self
        if isinstance(other, float):
            return other // float(self)
        return NotImplemented

    def __mod__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            d = self._d * o._d
            return Fraction((self._n * o._d) % (o._n * self._d), d)
        if isinstance(other, float):
            return float(self) % other
        return NotImplemented

    def __rmod__(self, other):
        o = Fraction._coerce(other)
        if o is not None:
            return o % self
        if isinstance(other, float):
            return other % float(self)
        return NotImplemented

    def __divmod__(self, other):
        return (self // other, self % other)

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._d == 1):
            p = other if isinstance(other, int) else other._n
            if p >= 0:
                return Fraction(self._n ** p, self._d ** p)
            if self._n == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (self._d ** -p))
            return Fraction(self._d ** -p, self._n ** -p)
        if isinstance(other, Fraction):
            return float(self) ** float(other)
        if isinstance(other, float):
            return float(self) ** other
        return NotImplemented

    def __rpow__(self, other):
        if self._d == 1 and self._n >= 0 and isinstance(other, int):
            return Fraction(other ** self._n)
        if isinstance(other, (int, Fraction)):
            return Fraction(other) ** self
        if isinstance(other, float):
            return other ** float(self)
        return NotImplemented

    def __pos__(self):
        return Fraction(self._n, self._d)

    def __neg__(self):
        return Fraction(-self._n, self._d)

    def __abs__(self):
        return Fraction(abs(self._n), self._d)

    def __int__(self):
        if self._n < 0:
            return -(-self._n // self._d)
        return self._n // self._d

    __trunc__ = __int__

    def __floor__(self):
        return self._n // self._d

    def __ceil__(self):
        return -(-self._n // self._d)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, rem = divmod(self._n, self._d)
            if rem * 2 < self._d:
                return floor
            if rem * 2 > self._d:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        return self._n / self._d

    def __bool__(self):
        return self._n != 0

    def __hash__(self):
        # The modulus is prime: d's inverse is d**(P-2), unless P divides d.
        if self._d % _HASH_MODULUS == 0:
            h = _HASH_INF
        else:
            dinv = pow(self._d, _HASH_MODULUS - 2, _HASH_MODULUS)
            h = hash(abs(self._n)) * dinv % _HASH_MODULUS
        r = h if self._n >= 0 else -h
        return -2 if r == -1 else r

    def _cmp(self, other):
        # (a, b) to compare exactly, or None when other is not a number.
        o = Fraction._coerce(other)
        if o is not None:
            return self._n * o._d, o._n * self._d
        if isinstance(other, float):
            if other != other or other in (float('inf'), float('-inf')):
                return 0.0, other
            return self._cmp(Fraction(other))
        return None

    def __eq__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c[0] == c[1]

    def __lt__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c[0] < c[1]

    def __le__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c[0] <= c[1]

    def __gt__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c[0] > c[1]

    def __ge__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c[0] >= c[1]

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self
