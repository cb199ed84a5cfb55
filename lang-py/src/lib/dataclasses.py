# dataclasses: @dataclass generating __init__, __repr__ and __eq__ from class annotations.
_MISSING = object()


def field(default=_MISSING, default_factory=_MISSING, repr=True, compare=True):
    return _Field(default, default_factory, repr, compare)


class _Field:
    def __init__(self, default, default_factory, repr, compare):
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False):
    def wrap(c):
        return _process(c, init, repr, eq, order)
    if cls is None:
        return wrap
    return wrap(cls)


def _process(cls, init, rep, eq, order):
    names = cls.__dict__.get('__annotations__')
    raise TypeError("dataclasses need class annotations, which are not recorded yet")
