# array: typed sequences of numbers (array.array) with CPython's type codes,
# range checks and repr. Items live in a list; floats of type code 'f' are
# rounded to single precision as CPython stores them.

import math as _math

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_SIGNED = 'bhilq'
_UNSIGNED = 'BHILQ'


def _to_f32(x):
    # Round a double to the nearest float32 (ties to even), as a C cast does.
    if x != x or x == 0.0 or x in (float('inf'), float('-inf')):
        return x
    m, e = _math.frexp(x)
    if e < -125:
        # Subnormal float32: a fixed quantum of 2**-149.
        q = _math.ldexp(1.0, -149)
        return round(x / q) * q
    scaled = _math.ldexp(m, 24)
    r = round(scaled)
    y = _math.ldexp(r, e - 24)
    if abs(y) >= 3.4028235677973366e38:
        return float('inf') if y > 0 else float('-inf')
    return y


def _bounds(tc):
    bits = _SIZES[tc] * 8
    if tc in _SIGNED:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


class array:
    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in typecodes:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self.typecode = typecode
        self.itemsize = _SIZES[typecode]
        self._a = []
        if initializer is not None:
            if typecode == 'u':
                if not isinstance(initializer, str):
                    if isinstance(initializer, array) and initializer.typecode == 'u':
                        initializer = initializer.tolist()
                    else:
                        raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                        % typecode)
            elif isinstance(initializer, str):
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % typecode)
            self.extend(initializer)

    def _check(self, v):
        tc = self.typecode
        if tc == 'd':
            if isinstance(v, float):
                return v
            if isinstance(v, int):
                return float(v)
            raise TypeError('must be real number, not %s' % type(v).__name__)
        if tc == 'f':
            if isinstance(v, (int, float)):
                return _to_f32(float(v))
            raise TypeError('must be real number, not %s' % type(v).__name__)
        if tc == 'u':
            if not isinstance(v, str) or len(v) != 1:
                raise TypeError('array item must be unicode character')
            return v
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        lo, hi = _bounds(tc)
        if lo <= v <= hi:
            return v
        if tc in 'qQ':
            if v < 0 and tc == 'Q':
                raise OverflowError("can't convert negative int to unsigned")
            raise OverflowError('int too big to convert')
        if tc == 'l':
            raise OverflowError('Python int too large to convert to C long')
        if v < 0 and tc in 'IL':
            raise OverflowError("can't convert negative value to unsigned int")
        if tc == 'L':
            raise OverflowError('Python int too large to convert to C unsigned long')
        if v > hi:
            raise OverflowError('%s is greater than maximum' % _NAMES[tc])
        raise OverflowError('%s is less than minimum' % _NAMES[tc])
        return v

    def _new(self, items):
        r = array(self.typecode)
        r._a = items
        return r

    def __len__(self):
        return len(self._a)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._a[i])
        try:
            return self._a[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v.typecode != self.typecode:
                raise TypeError('bad argument type for built-in operation')
            self._a[i] = list(v._a)
            return
        try:
            self._a[i] = self._check(v)
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        try:
            del self._a[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __iter__(self):
        return iter(self._a)

    def __reversed__(self):
        return reversed(self._a)

    def __contains__(self, v):
        return v in self._a

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._a == other._a

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._a != other._a

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._a < other._a

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._a <= other._a

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._a > other._a

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._a >= other._a

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other.typecode != self.typecode:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._a + other._a)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        if other.typecode != self.typecode:
            raise TypeError('can only extend with array of same kind')
        self._a.extend(other._a)
        return self

    def __mul__(self, n):
        return self._new(self._a * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._a *= n
        return self

    def __repr__(self):
        if not self._a:
            return "array('%s')" % self.typecode
        if self.typecode == 'u':
            return "array('u', %r)" % ''.join(self._a)
        return "array('%s', %r)" % (self.typecode, self._a)

    def __copy__(self):
        return self._new(list(self._a))

    def __deepcopy__(self, memo):
        return self._new(list(self._a))

    def append(self, v):
        self._a.append(self._check(v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError('can only extend with array of same kind')
            self._a.extend(iterable._a)
            return
        for v in iterable:
            self._a.append(self._check(v))

    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        checked = [self._check(v) for v in lst]
        self._a.extend(checked)

    def tolist(self):
        return list(self._a)

    def fromunicode(self, s):
        if self.typecode != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._a.extend(s)

    def tounicode(self):
        if self.typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._a)

    def insert(self, i, v):
        self._a.insert(i, self._check(v))

    def pop(self, i=-1):
        if not self._a:
            raise IndexError('pop from empty array')
        try:
            return self._a.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        try:
            self._a.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        n = len(self._a)
        stop = n if stop is None else stop
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            if self._a[i] == v:
                return i
        raise ValueError('array.index(x): x not in array')

    def count(self, v):
        return self._a.count(v)

    def reverse(self):
        self._a.reverse()

    def buffer_info(self):
        return (id(self), len(self._a))


_NAMES = {'b': 'signed char', 'B': 'unsigned byte integer', 'h': 'signed short integer',
          'H': 'unsigned short', 'i': 'signed integer', 'I': 'unsigned int',
          'l': 'signed long integer', 'L': 'unsigned long', 'q': 'signed long long',
          'Q': 'unsigned long long'}

ArrayType = array
