# abc: ABCMeta records a class's abstract methods and refuses to
# instantiate a class that still has some; register() makes virtual
# subclasses (isinstance/issubclass read `_abc_registered_`, as for
# collections.abc).


def _is_abstract(v):
    if type(v) is property:
        v = v.fget
    return getattr(v, '__isabstractmethod__', False)


class ABCMeta(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        abstracts = set()
        for n, v in ns.items():
            if _is_abstract(v):
                abstracts.add(n)
        for b in bases:
            for n in getattr(b, '__abstractmethods__', ()):
                if _is_abstract(getattr(cls, n, None)):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls

    def __call__(cls, *args, **kw):
        if cls.__abstractmethods__:
            names = sorted(cls.__abstractmethods__)
            s = 's' if len(names) > 1 else ''
            raise TypeError("Can't instantiate abstract class " + cls.__name__
                            + " with abstract method" + s + " " + ", ".join(names))
        return super().__call__(*args, **kw)

    def register(cls, subclass):
        own = getattr(cls, '_abc_registered_', ())
        if subclass not in own:
            cls._abc_registered_ = own + (subclass,)
        return subclass


class ABC(metaclass=ABCMeta):
    __slots__ = ()


def abstractmethod(f):
    f.__isabstractmethod__ = True
    return f


def get_cache_token():
    return 0
