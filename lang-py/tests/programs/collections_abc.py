from collections.abc import (Iterable, Iterator, Sequence, MutableSequence, Mapping,
                             MutableMapping, Set, MutableSet, Sized, Container, Callable,
                             Hashable, Collection, Generator, Reversible)
import collections.abc
vals = [[], (), '', {}, set(), frozenset(), range(3), iter([]), (x for x in []), 5, 2.5, None, len, b'']
for abc in [Iterable, Iterator, Sequence, MutableSequence, Mapping, MutableMapping, Set,
            MutableSet, Sized, Container, Callable, Hashable, Collection, Generator, Reversible]:
    print(abc.__name__, [isinstance(v, abc) for v in vals])
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Iterable), issubclass(bool, Hashable))

class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n
print(isinstance(Countdown(3), Iterator), isinstance(Countdown(3), Iterable), list(Countdown(3)))

class Bag(Mapping):
    def __init__(self, d): self._d = dict(d)
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
b = Bag({'a': 1, 'b': 2})
print(isinstance(b, Mapping), b.get('a'), b.get('z', 0), 'a' in b, sorted(b.keys()), sorted(b.items()), b == {'a': 1, 'b': 2})

class Store(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
s = Store()
s.update({'x': 1}, y=2)
s.setdefault('z', 3)
print(dict(s), s.pop('x'), len(s), isinstance(s, MutableMapping), isinstance(s, dict))

class Seq(Sequence):
    def __init__(self, *xs): self.xs = xs
    def __getitem__(self, i): return self.xs[i]
    def __len__(self): return len(self.xs)
q = Seq(3, 1, 3)
print(list(q), 3 in q, q.index(1), q.count(3), list(reversed(q)), isinstance(q, Sequence), collections.abc.Sized is Sized)
class NoHash:
    __hash__ = None
print(isinstance(NoHash(), Hashable), isinstance(Countdown(1), Hashable), isinstance(Countdown, Callable))
