# collections: deque, defaultdict, OrderedDict, Counter, namedtuple (pure Python).

class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = list(iterable)
        self.maxlen = maxlen
        if maxlen is not None and len(self._items) > maxlen:
            self._items = self._items[len(self._items) - maxlen:]

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, it):
        for x in it:
            self.append(x)

    def extendleft(self, it):
        for x in it:
            self.appendleft(x)

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def count(self, x):
        return self._items.count(x)

    def remove(self, x):
        self._items.remove(x)

    def reverse(self):
        self._items.reverse()

    def copy(self):
        return deque(self._items, self.maxlen)

    def index(self, x):
        return self._items.index(x)

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return len(self._items) > 0

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return "deque(" + repr(self._items) + ")"
        return "deque(" + repr(self._items) + ", maxlen=" + str(self.maxlen) + ")"


class _DictLike:
    def __init__(self, *args, **kw):
        self._d = {}
        if args:
            src = args[0]
            if hasattr(src, 'keys'):
                for k in src.keys():
                    self._d[k] = src[k]
            else:
                for k, v in src:
                    self._d[k] = v
        for k in kw:
            self._d[k] = kw[k]

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __contains__(self, k):
        return k in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __bool__(self):
        return len(self._d) > 0

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._d == other._d
        return self._d == other

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def pop(self, k, *default):
        return self._d.pop(k, *default)

    def popitem(self):
        return self._d.popitem()

    def setdefault(self, k, default=None):
        return self._d.setdefault(k, default)

    def update(self, *args, **kw):
        if args:
            src = args[0]
            if hasattr(src, 'keys'):
                for k in src.keys():
                    self[k] = src[k]
            else:
                for k, v in src:
                    self[k] = v
        for k in kw:
            self[k] = kw[k]

    def clear(self):
        self._d.clear()

    def copy(self):
        c = self.__class__.__new__(self.__class__)
        c.__dict__.update(self.__dict__)
        c._d = dict(self._d)
        return c


class defaultdict(_DictLike):
    def __init__(self, default_factory=None, *args, **kw):
        _DictLike.__init__(self, *args, **kw)
        self.default_factory = default_factory

    def __getitem__(self, k):
        if k in self._d:
            return self._d[k]
        return self.__missing__(k)

    def __missing__(self, k):
        if self.default_factory is None:
            raise KeyError(k)
        v = self.default_factory()
        self._d[k] = v
        return v

    def __repr__(self):
        f = self.default_factory
        fr = "None" if f is None else repr(f)
        return "defaultdict(" + fr + ", " + repr(self._d) + ")"


class OrderedDict(_DictLike):
    def move_to_end(self, key, last=True):
        v = self._d.pop(key)
        if last:
            self._d[key] = v
        else:
            items = list(self._d.items())
            self._d.clear()
            self._d[key] = v
            for k, x in items:
                self._d[k] = x

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        if last:
            return self._d.popitem()
        k = next(iter(self._d))
        return (k, self._d.pop(k))

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self._d.items())) + ")"


class Counter(_DictLike):
    def __init__(self, iterable=None, **kw):
        _DictLike.__init__(self)
        if iterable is not None:
            self.update(iterable)
        if kw:
            self.update(kw)

    def __getitem__(self, k):
        return self._d.get(k, 0)

    def __missing__(self, k):
        return 0

    def update(self, iterable=None, **kw):
        if iterable is not None:
            if hasattr(iterable, 'keys'):
                for k in iterable.keys():
                    self._d[k] = self._d.get(k, 0) + iterable[k]
            else:
                for x in iterable:
                    self._d[x] = self._d.get(x, 0) + 1
        for k in kw:
            self._d[k] = self._d.get(k, 0) + kw[k]

    def subtract(self, iterable=None, **kw):
        if iterable is not None:
            if hasattr(iterable, 'keys'):
                for k in iterable.keys():
                    self._d[k] = self._d.get(k, 0) - iterable[k]
            else:
                for x in iterable:
                    self._d[x] = self._d.get(x, 0) - 1
        for k in kw:
            self._d[k] = self._d.get(k, 0) - kw[k]

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:n]

    def elements(self):
        for k, v in self._d.items():
            for _ in range(v):
                yield k

    def total(self):
        return sum(self._d.values())

    def __add__(self, other):
        r = Counter()
        for k, v in self._d.items():
            r._d[k] = v
        for k, v in other._d.items():
            r._d[k] = r._d.get(k, 0) + v
        r._d = {k: v for k, v in r._d.items() if v > 0}
        return r

    def __sub__(self, other):
        r = Counter()
        for k, v in self._d.items():
            n = v - other._d.get(k, 0)
            if n > 0:
                r._d[k] = n
        return r

    def __repr__(self):
        if not self._d:
            return "Counter()"
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return "Counter({" + ", ".join([repr(k) + ": " + repr(v) for k, v in items]) + "})"


def namedtuple(typename, field_names, defaults=None, rename=False, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(field_names)
    nfields = len(fields)
    defs = tuple(defaults) if defaults is not None else ()

    def __init__(self, *args, **kw):
        if len(args) > nfields:
            raise TypeError(typename + "() takes " + str(nfields) + " positional arguments but " + str(len(args)) + " were given")
        values = list(args)
        start = len(values)
        for i in range(start, nfields):
            name = fields[i]
            if name in kw:
                values.append(kw.pop(name))
            elif i >= nfields - len(defs):
                values.append(defs[i - (nfields - len(defs))])
            else:
                raise TypeError(typename + "() missing 1 required positional argument: '" + name + "'")
        if kw:
            raise TypeError(typename + "() got an unexpected keyword argument '" + list(kw)[0] + "'")
        self._values = tuple(values)
        for i in range(nfields):
            object.__setattr__(self, fields[i], values[i])

    def __repr__(self):
        return typename + "(" + ", ".join([fields[i] + "=" + repr(self._values[i]) for i in range(nfields)]) + ")"

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return nfields

    def __getitem__(self, i):
        return self._values[i]

    def __eq__(self, other):
        if hasattr(other, '_values'):
            return self._values == other._values
        return self._values == other

    def __ne__(self, other):
        return not __eq__(self, other)

    def __lt__(self, other):
        return self._values < tuple(other)

    def __hash__(self):
        return hash(self._values)

    def _asdict(self):
        return {fields[i]: self._values[i] for i in range(nfields)}

    def _replace(self, **kw):
        vals = [kw.pop(f, v) for f, v in zip(fields, self._values)]
        return cls(*vals)

    ns = {
        '__init__': __init__, '__repr__': __repr__, '__iter__': __iter__, '__len__': __len__,
        '__getitem__': __getitem__, '__eq__': __eq__, '__ne__': __ne__, '__lt__': __lt__,
        '__hash__': __hash__, '_asdict': _asdict, '_replace': _replace, '_fields': fields,
    }
    cls = type(typename, (), ns)

    def _make(iterable):
        return cls(*iterable)
    cls._make = staticmethod(_make)
    return cls


# ---------------------------------------------------------------- abc
# The abstract base classes of collections.abc. `import collections.abc`
# resolves to this module here, so their names live in it. CPython makes
# built-in types virtual subclasses through a metaclass; here each class
# lists the built-in types it covers in its own `_abc_registered_`, and the
# one-trick ones (`_abc_methods_`) also accept user classes that define
# those methods (isinstance and issubclass read both).

def _abc_types(*objs):
    return tuple(type(o) for o in objs)


def _abc_gen():
    yield None


_abc_views = _abc_types({}.keys(), {}.values(), {}.items())
_abc_iters = _abc_types(iter([]), iter(()), iter(''), iter({}), iter(range(0)), iter(set()),
                        iter({}.values()), iter({}.items()), reversed([]), zip(), map(len, []),
                        filter(None, []), enumerate([]), _abc_gen())
_abc_sequences = (list, tuple, str, range, bytes)
_abc_collections = _abc_sequences + (dict, set, frozenset) + _abc_views


class Hashable:
    _abc_registered_ = ((int, float, str, bytes, tuple, frozenset, bool, type(None), range, type)
                        + _abc_iters + _abc_types(len, _abc_gen, [].append, lambda: None))
    _abc_methods_ = ('__hash__',)


class Awaitable:
    _abc_registered_ = ()
    _abc_methods_ = ('__await__',)


class Iterable:
    _abc_registered_ = _abc_collections + _abc_iters
    _abc_methods_ = ('__iter__',)


class Iterator(Iterable):
    _abc_registered_ = _abc_iters
    _abc_methods_ = ('__iter__', '__next__')

    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    _abc_registered_ = (list, tuple, str, range, bytes, dict) + _abc_views
    _abc_methods_ = ('__reversed__', '__iter__')


class Generator(Iterator):
    _abc_registered_ = _abc_types(_abc_gen())
    _abc_methods_ = ('__iter__', '__next__', 'send', 'throw', 'close')


class Sized:
    _abc_registered_ = _abc_collections
    _abc_methods_ = ('__len__',)


class Container:
    _abc_registered_ = _abc_collections
    _abc_methods_ = ('__contains__',)


class Callable:
    _abc_registered_ = _abc_types(len, _abc_gen, [].append, lambda: None) + (type,)
    _abc_methods_ = ('__call__',)


class Collection(Sized, Iterable, Container):
    _abc_registered_ = _abc_collections
    _abc_methods_ = ('__len__', '__iter__', '__contains__')


class Sequence(Reversible, Collection):
    _abc_registered_ = _abc_sequences

    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class MutableSequence(Sequence):
    _abc_registered_ = (list,)

    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


class ByteString(Sequence):
    _abc_registered_ = (bytes,)


class Set(Collection):
    _abc_registered_ = (set, frozenset) + _abc_types({}.keys(), {}.items())

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for e in self:
            if e not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for e in other:
            if e not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(v for v in other if v in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        for v in other:
            if v in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable([e for s in (self, other) for e in s])

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(v for v in self if v not in other)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __hash__ = None


class MutableSet(Set):
    _abc_registered_ = (set,)

    def add(self, value):
        raise NotImplementedError

    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in (self - it):
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


class Mapping(Collection):
    _abc_registered_ = (dict,)

    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None
    __reversed__ = None


class MutableMapping(Mapping):
    _abc_registered_ = (dict,)

    def pop(self, key, *default):
        try:
            value = self[key]
        except KeyError:
            if default:
                return default[0]
            raise
        else:
            del self[key]
            return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class MappingView(Sized):
    _abc_registered_ = _abc_views

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)


class KeysView(MappingView, Set):
    _abc_registered_ = _abc_types({}.keys())

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    _abc_registered_ = _abc_types({}.items())

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):
    _abc_registered_ = _abc_types({}.values())

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


class _AbcNamespace:
    # `collections.abc` as an attribute of this module.
    def __repr__(self):
        return "<module 'collections.abc' (frozen)>"


abc = _AbcNamespace()
# Not through globals(): exposing a module dict ends green globals for the
# whole run.
for _cls in [Hashable, Awaitable, Iterable, Iterator, Reversible, Generator, Sized, Container,
             Callable, Collection, Sequence, MutableSequence, ByteString, Set, MutableSet,
             Mapping, MutableMapping, MappingView, KeysView, ItemsView, ValuesView]:
    setattr(abc, _cls.__name__, _cls)
del _cls
