# functools (pure Python).

def reduce(function, iterable, *initial):
    it = iter(iterable)
    if initial:
        value = initial[0]
    else:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value")
    for x in it:
        value = function(value, x)
    return value


class partial:
    def __init__(self, func, *args, **kw):
        self.func = func
        self.args = args
        self.keywords = kw

    def __call__(self, *args, **kw):
        k = dict(self.keywords)
        k.update(kw)
        return self.func(*self.args, *args, **k)


WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    for a in assigned:
        try:
            setattr(wrapper, a, getattr(wrapped, a))
        except (AttributeError, TypeError):
            pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    def deco(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return deco


class _CacheInfo(tuple):
    """CacheInfo(hits, misses, maxsize, currsize), as CPython's namedtuple."""

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)


def lru_cache(maxsize=128, typed=False):
    # A dict keeps insertion order, so its first key is the least recently
    # used one when every hit moves its entry to the end.
    if isinstance(maxsize, int) and maxsize < 0:
        maxsize = 0

    def deco(fn):
        cache = {}
        stats = [0, 0]  # hits, misses
        kwd_mark = (object,)

        def make_key(args, kw):
            key = args
            if kw:
                key = key + kwd_mark
                for item in kw.items():
                    key = key + item
            if typed:
                key = key + tuple(type(a) for a in args)
                if kw:
                    key = key + tuple(type(v) for v in kw.values())
            return key

        def wrapper(*args, **kw):
            if maxsize == 0:
                stats[1] += 1
                return fn(*args, **kw)
            key = make_key(args, kw)
            if key in cache:
                stats[0] += 1
                r = cache[key]
                if maxsize is not None:
                    del cache[key]
                    cache[key] = r
                return r
            stats[1] += 1
            r = fn(*args, **kw)
            if maxsize is not None and len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = r
            return r

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        def cache_parameters():
            return {'maxsize': maxsize, 'typed': typed}

        update_wrapper(wrapper, fn)
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        wrapper.cache_parameters = cache_parameters
        return wrapper
    if callable(maxsize) and not isinstance(maxsize, int):
        fn, maxsize = maxsize, 128
        return deco(fn)
    return deco


def cache(fn):
    return lru_cache(None)(fn)


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
    return K


def total_ordering(cls):
    d = cls.__dict__
    if '__lt__' in d:
        if '__le__' not in d:
            cls.__le__ = lambda self, other: self < other or self == other
        if '__gt__' not in d:
            cls.__gt__ = lambda self, other: not (self < other or self == other)
        if '__ge__' not in d:
            cls.__ge__ = lambda self, other: not self < other
    elif '__gt__' in d:
        if '__lt__' not in d:
            cls.__lt__ = lambda self, other: not (self > other or self == other)
        if '__ge__' not in d:
            cls.__ge__ = lambda self, other: self > other or self == other
        if '__le__' not in d:
            cls.__le__ = lambda self, other: not self > other
    return cls
