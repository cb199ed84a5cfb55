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


def lru_cache(maxsize=128, typed=False):
    def deco(fn):
        cache = {}

        def wrapper(*args, **kw):
            key = args
            if kw:
                key = args + (object,) + tuple(sorted(kw.items()))
            if key in cache:
                return cache[key]
            r = fn(*args, **kw)
            cache[key] = r
            return r

        def cache_clear():
            cache.clear()
        wrapper.cache_clear = cache_clear
        wrapper.__wrapped__ = fn
        try:
            wrapper.__name__ = fn.__name__
        except (AttributeError, TypeError):
            pass
        return wrapper
    if callable(maxsize) and not isinstance(maxsize, int):
        return deco(maxsize)
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
