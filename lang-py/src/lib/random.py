# random: CPython's algorithms over the native Mersenne Twister (_random),
# so seeded sequences match CPython exactly.
import _random
from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin, floor as _floor

TWOPI = 2.0 * _pi
NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
_gauss_next = [None]


def seed(a=None, version=2):
    _random.seed(a)
    _gauss_next[0] = None


def random():
    return _random.random()


def getrandbits(k):
    return _random.getrandbits(k)


def _randbelow(n):
    k = n.bit_length()
    r = _random.getrandbits(k)
    while r >= n:
        r = _random.getrandbits(k)
    return r


def randrange(start, stop=None, step=1):
    istart = int(start)
    if stop is None:
        if step != 1:
            raise TypeError("Missing a non-None stop argument")
        if istart > 0:
            return _randbelow(istart)
        raise ValueError("empty range for randrange()")
    istop = int(stop)
    width = istop - istart
    istep = int(step)
    if istep == 1:
        if width > 0:
            return istart + _randbelow(width)
        raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
    if istep > 0:
        n = (width + istep - 1) // istep
    elif istep < 0:
        n = (width + istep + 1) // istep
    else:
        raise ValueError("zero step for randrange()")
    if n <= 0:
        raise ValueError("empty range for randrange()")
    return istart + istep * _randbelow(n)


def randint(a, b):
    return randrange(a, b + 1)


def choice(seq):
    if not len(seq):
        raise IndexError('Cannot choose from an empty sequence')
    return seq[_randbelow(len(seq))]


def shuffle(x):
    for i in reversed(range(1, len(x))):
        j = _randbelow(i + 1)
        x[i], x[j] = x[j], x[i]


def uniform(a, b):
    return a + (b - a) * _random.random()


def triangular(low=0.0, high=1.0, mode=None):
    u = _random.random()
    try:
        c = 0.5 if mode is None else (mode - low) / (high - low)
    except ZeroDivisionError:
        return low
    if u > c:
        u = 1.0 - u
        c = 1.0 - c
        low, high = high, low
    return low + (high - low) * _sqrt(u * c)


def sample(population, k, *, counts=None):
    n = len(population)
    if not 0 <= k <= n:
        raise ValueError("Sample larger than population or is negative")
    result = [None] * k
    setsize = 21
    if k > 5:
        setsize += 4 ** _ceil(_log(k * 3, 4))
    if n <= setsize:
        pool = list(population)
        for i in range(k):
            j = _randbelow(n - i)
            result[i] = pool[j]
            pool[j] = pool[n - i - 1]
    else:
        selected = set()
        for i in range(k):
            j = _randbelow(n)
            while j in selected:
                j = _randbelow(n)
            selected.add(j)
            result[i] = population[j]
    return result


def choices(population, weights=None, *, cum_weights=None, k=1):
    n = len(population)
    if cum_weights is None:
        if weights is None:
            n += 0.0
            return [population[_floor(_random.random() * n)] for i in range(k)]
        cum_weights = []
        acc = 0
        for w in weights:
            acc = acc + w
            cum_weights.append(acc)
    elif weights is not None:
        raise TypeError('Cannot specify both weights and cumulative weights')
    if len(cum_weights) != n:
        raise ValueError('The number of weights does not match the population')
    total = cum_weights[-1] + 0.0
    if total <= 0.0:
        raise ValueError('Total of weights must be greater than zero')
    hi = n - 1
    out = []
    for i in range(k):
        x = _random.random() * total
        lo = 0
        h = hi
        while lo < h:
            mid = (lo + h) // 2
            if x < cum_weights[mid]:
                h = mid
            else:
                lo = mid + 1
        out.append(population[lo])
    return out


def gauss(mu=0.0, sigma=1.0):
    z = _gauss_next[0]
    _gauss_next[0] = None
    if z is None:
        x2pi = _random.random() * TWOPI
        g2rad = _sqrt(-2.0 * _log(1.0 - _random.random()))
        z = _cos(x2pi) * g2rad
        _gauss_next[0] = _sin(x2pi) * g2rad
    return mu + z * sigma


def normalvariate(mu=0.0, sigma=1.0):
    while True:
        u1 = _random.random()
        u2 = 1.0 - _random.random()
        z = NV_MAGICCONST * (u1 - 0.5) / u2
        zz = z * z / 4.0
        if zz <= -_log(u2):
            break
    return mu + z * sigma


def expovariate(lambd):
    return -_log(1.0 - _random.random()) / lambd


class Random:
    def __init__(self, x=None):
        self.seed(x)

    def seed(self, a=None, version=2):
        seed(a)

    def random(self):
        return random()

    def randint(self, a, b):
        return randint(a, b)

    def randrange(self, *args):
        return randrange(*args)

    def choice(self, seq):
        return choice(seq)

    def shuffle(self, x):
        shuffle(x)

    def uniform(self, a, b):
        return uniform(a, b)

    def sample(self, population, k):
        return sample(population, k)

    def gauss(self, mu=0.0, sigma=1.0):
        return gauss(mu, sigma)

    def getrandbits(self, k):
        return getrandbits(k)
