# typing: names only (no checking), enough for annotated programs: generic
# aliases subscript to themselves, Generic/Protocol are plain bases.

class _Any:
    def __init__(self, name='Any'):
        self._name = name

    def __getitem__(self, item):
        return self

    def __call__(self, *args, **kw):
        raise TypeError("Cannot instantiate typing.%s" % self._name)

    def __repr__(self):
        return 'typing.' + self._name

    def __or__(self, other):
        return self

    def __ror__(self, other):
        return self


Any = _Any()
for _n in ('List', 'Dict', 'Tuple', 'Set', 'FrozenSet', 'Optional', 'Union', 'Callable',
           'Iterable', 'Iterator', 'Sequence', 'Mapping', 'Generator', 'Type', 'ClassVar',
           'Deque', 'DefaultDict', 'Counter', 'Literal', 'Final', 'Annotated', 'NoReturn',
           'Never', 'AnyStr', 'Hashable', 'Sized', 'Awaitable', 'Coroutine', 'AsyncIterator',
           'AsyncIterable', 'AsyncGenerator', 'Reversible', 'Container', 'Collection',
           'MutableMapping', 'MutableSequence', 'MutableSet', 'AbstractSet', 'OrderedDict',
           'ChainMap', 'Pattern', 'Match', 'IO', 'TextIO', 'BinaryIO', 'SupportsInt',
           'SupportsFloat', 'SupportsAbs', 'SupportsIndex', 'SupportsRound', 'ItemsView',
           'KeysView', 'ValuesView', 'ContextManager', 'Self', 'LiteralString', 'TypeAlias',
           'TypeGuard', 'Concatenate', 'Unpack', 'Required', 'NotRequired'):
    globals()[_n] = _Any(_n)
del _n
Text = str
TYPE_CHECKING = False


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

    def __or__(self, other):
        return Any


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def runtime_checkable(cls):
    return cls


def cast(t, v):
    return v


def overload(f):
    return f


def final(f):
    return f


def no_type_check(f):
    return f


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: %r" % (arg,))


def reveal_type(obj):
    return obj


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def _field_getter(i):
    return property(lambda self: self[i], doc='Alias for field number %d' % i)


class NamedTuple(tuple):
    # `class P(NamedTuple): x: int; y: int = 0` makes P a tuple subclass
    # with those fields (CPython's NamedTuple is not itself on P's MRO).
    def __init_subclass__(cls, **kw):
        if NamedTuple not in cls.__bases__:
            return
        d = cls.__dict__
        fields = tuple(d.get('__annotations__', {}))
        defaults = {}
        for f in fields:
            if f in d:
                defaults[f] = d[f]
            elif defaults:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (f, 's' if len(defaults) > 1 else '', ', '.join(defaults)))
        name = cls.__name__

        def __new__(c, *args, **kwargs):
            if len(args) > len(fields):
                lo = len(fields) - len(defaults) + 1
                hi = len(fields) + 1
                takes = ('%d' % hi) if lo == hi else ('from %d to %d' % (lo, hi))
                raise TypeError("%s.__new__() takes %s positional arguments but %d were given"
                                % (name, takes, len(args) + 1))
            values = list(args)
            missing = []
            for f in fields[len(args):]:
                if f in kwargs:
                    values.append(kwargs.pop(f))
                elif f in defaults:
                    values.append(defaults[f])
                else:
                    missing.append(f)
            if missing:
                names = ["'%s'" % m for m in missing]
                if len(names) == 1:
                    text = names[0]
                elif len(names) == 2:
                    text = names[0] + ' and ' + names[1]
                else:
                    text = ', '.join(names[:-1]) + ', and ' + names[-1]
                raise TypeError("%s.__new__() missing %d required positional argument%s: %s"
                                % (name, len(missing), 's' if len(missing) > 1 else '', text))
            if kwargs:
                k = list(kwargs)[0]
                if k in fields:
                    raise TypeError("%s.__new__() got multiple values for argument '%s'" % (name, k))
                raise TypeError("%s.__new__() got an unexpected keyword argument '%s'" % (name, k))
            return tuple.__new__(c, values)

        cls.__new__ = __new__
        cls._fields = fields
        cls._field_defaults = defaults
        for i, f in enumerate(fields):
            setattr(cls, f, _field_getter(i))
        if '__repr__' not in d:
            def __repr__(self):
                return type(self).__name__ + '(' + ', '.join(
                    '%s=%r' % (f, v) for f, v in zip(fields, self)) + ')'
            cls.__repr__ = __repr__

        def _asdict(self):
            return dict(zip(fields, self))

        def _replace(self, **kwargs):
            values = [kwargs.pop(f, v) for f, v in zip(fields, self)]
            if kwargs:
                raise ValueError('Got unexpected field names: %r' % list(kwargs))
            return type(self)(*values)

        def _make(c, iterable):
            return c(*iterable)

        cls._asdict = _asdict
        cls._replace = _replace
        cls._make = classmethod(_make)


class TypedDict(dict):
    pass
