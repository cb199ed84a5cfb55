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
