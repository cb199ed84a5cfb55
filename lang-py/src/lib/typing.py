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


class NamedTuple:
    pass


class TypedDict(dict):
    pass
