# statistics: averages and spread with CPython's exact arithmetic (sums as
# integer ratios, the result rounded once) and its result types.

import math as _math

__all__ = ['StatisticsError', 'mean', 'fmean', 'geometric_mean', 'harmonic_mean',
           'median', 'median_low', 'median_high', 'median_grouped', 'mode',
           'multimode', 'pstdev', 'pvariance', 'stdev', 'variance', 'quantiles']


class StatisticsError(ValueError):
    pass


def _ratio(x):
    # (numerator, denominator) of x exactly; None for inf/nan.
    if type(x) is int or type(x) is bool:
        return int(x), 1
    if isinstance(x, float):
        if x != x or x in (float('inf'), float('-inf')):
            return None
        return x.as_integer_ratio()
    if hasattr(x, 'numerator') and hasattr(x, 'denominator'):
        return x.numerator, x.denominator
    if isinstance(x, int):
        return int(x), 1
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int or T is bool:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if T.__name__ == 'Fraction' and S is float:
        return S
    if S.__name__ == 'Fraction' and T is float:
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _gcd(a, b):
    return _math.gcd(a, b)


def _sum(data):
    # (type, numerator, denominator, count), or a float inf/nan as numerator.
    T = int
    n, d = 0, 1
    count = 0
    special = None
    for x in data:
        count += 1
        T = _coerce(T, type(x))
        r = _ratio(x)
        if r is None:
            special = x if special is None else special + x
            continue
        a, b = r
        n, d = n * b + a * d, d * b
        g = _gcd(n, d)
        if g > 1:
            n //= g
            d //= g
    if special is not None:
        return T, special, None, count
    return T, n, d, count


def _convert(n, d, T):
    if d is None:
        return T(n)
    if T is bool:
        T = int
    g = _gcd(n, d)
    if g > 1:
        n //= g
        d //= g
    if issubclass(T, int) and d != 1:
        T = float
    if T is float:
        return n / d
    if issubclass(T, int):
        return T(n // d)
    if T.__name__ == 'Fraction':
        return T(n, d)
    return T(n / d)


def _fail_empty(what):
    raise StatisticsError(what)


def mean(data):
    T, n, d, count = _sum(data)
    if count < 1:
        raise StatisticsError('mean requires at least one data point')
    if d is None:
        return _convert(n / count, None, T)
    return _convert(n, d * count, T)


def fmean(data, weights=None):
    data = list(data)
    if weights is None:
        if not data:
            raise StatisticsError('fmean requires at least one data point')
        return _math.fsum([float(x) for x in data]) / len(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError('data and weights must be the same length')
    total = _math.fsum(weights)
    if not total:
        raise StatisticsError('sum of weights must be non-zero')
    return _math.fsum(x * w for x, w in zip(data, weights)) / total


def geometric_mean(data):
    data = list(data)
    if not data:
        raise StatisticsError('geometric_mean requires a non-empty dataset containing positive numbers')
    try:
        return _math.exp(fmean([_math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric_mean requires a non-empty dataset containing positive numbers') from None


def harmonic_mean(data, weights=None):
    data = list(data)
    if not data:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if weights is None:
        weights = [1] * len(data)
    for x in data:
        if x < 0:
            raise StatisticsError('harmonic mean does not support negative values')
    if any(x == 0 for x in data):
        return 0
    sw = sum(weights)
    T, tn, td, _ = _sum([w / x if w else 0 for w, x in zip(weights, data)])
    if td is None:
        return _convert(sw / tn, None, T)
    return _convert(sw * td, tn, T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n == 1:
        return data[0]
    x = data[n // 2]
    lo = x - interval / 2
    l1 = 0
    while l1 < n and data[l1] < x:
        l1 += 1
    l2 = l1
    while l2 < n and data[l2] == x:
        l2 += 1
    cf = l1
    f = l2 - l1
    return lo + interval * (n / 2 - cf) / f


def mode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        raise StatisticsError('no mode for empty data')
    best = None
    bc = 0
    for k, c in counts.items():
        if c > bc:
            best, bc = k, c
    return best


def multimode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    m = max(counts.values())
    return [k for k, c in counts.items() if c == m]


def _ss(data, c=None):
    # (type, numerator, denominator, count) of the sum of squared deviations.
    data = list(data)
    T, sn, sd, count = _sum(data)
    if sd is None:
        return T, sn, None, count
    if c is not None:
        cn, cd = _ratio(c)
    else:
        cn, cd = sn, sd * count if count else 1
    n, d = 0, 1
    for x in data:
        a, b = _ratio(x)
        # (a/b - cn/cd)^2
        pn = a * cd - cn * b
        pd = b * cd
        n, d = n * pd * pd + pn * pn * d, d * pd * pd
        g = _gcd(n, d)
        if g > 1:
            n //= g
            d //= g
    if c is not None:
        # CPython subtracts the squared mean error term only when c was computed.
        pass
    return T, n, d, count


def _isqrt_frac_rto(n, m):
    a = _math.isqrt(n // m)
    return a | (a * a * m != n)


def _sqrt_frac(n, m):
    # sqrt(n/m) correctly rounded to a float.
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        num = _isqrt_frac_rto(n, m << 2 * q) << q
        den = 1
    else:
        num = _isqrt_frac_rto(n << -2 * q, m)
        den = 1 << -q
    return num / den


def variance(data, xbar=None):
    T, n, d, count = _ss(data, xbar)
    if count < 2:
        raise StatisticsError('variance requires at least two data points')
    if d is None:
        return _convert(n, None, T)
    return _convert(n, d * (count - 1), T)


def pvariance(data, mu=None):
    T, n, d, count = _ss(data, mu)
    if count < 1:
        raise StatisticsError('pvariance requires at least one data point')
    if d is None:
        return _convert(n, None, T)
    return _convert(n, d * count, T)


def stdev(data, xbar=None):
    T, n, d, count = _ss(data, xbar)
    if count < 2:
        raise StatisticsError('stdev requires at least two data points')
    if d is None:
        return float(n)
    return _sqrt_frac(n, d * (count - 1))


def pstdev(data, mu=None):
    T, n, d, count = _ss(data, mu)
    if count < 1:
        raise StatisticsError('pstdev requires at least one data point')
    if d is None:
        return float(n)
    return _sqrt_frac(n, d * count)


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError('Unknown method: %r' % method)
