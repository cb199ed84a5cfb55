# typing: names only, enough for annotated programs to import.
class _Any:
    def __getitem__(self, item):
        return self

    def __repr__(self):
        return 'typing.Any'


Any = _Any()
List = Dict = Tuple = Set = FrozenSet = Optional = Union = Callable = Iterable = Iterator = Any
Sequence = Mapping = Generator = Type = ClassVar = Deque = DefaultDict = Counter = Any
TYPE_CHECKING = False


def TypeVar(name, *args, **kw):
    return Any


def cast(t, v):
    return v


class NamedTuple:
    pass


class Protocol:
    pass


def overload(f):
    return f
