# statistics with CPython's exact results and result types; typing names.
import statistics as st
from fractions import Fraction
from typing import List, Dict, Optional, Union, Callable, TypeVar, Generic, NamedTuple, Any, Iterable, Protocol, cast

samples = [[1, 2, 3, 4], [1, 2, 3], [2.5, 3.1, 4.7, 1.0], [1, 2.5, 3], [10 ** 20, 1, 3],
           [0.1] * 7, [Fraction(1, 3), Fraction(2, 7), Fraction(5, 2)], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]]
for s in samples:
    for name in ('mean', 'median', 'median_low', 'median_high', 'stdev', 'variance',
                 'pstdev', 'pvariance', 'mode', 'multimode', 'fmean', 'harmonic_mean', 'quantiles'):
        v = getattr(st, name)(s)
        print(name, type(v).__name__, v)
print(st.stdev([1, 2, 3, 4], 2.5), st.geometric_mean([1, 4, 16]) > 3.99)
for name in ('mean', 'median', 'stdev', 'variance', 'mode'):
    try:
        getattr(st, name)([] if name != 'stdev' else [1])
    except st.StatisticsError as e:
        print(name, 'StatisticsError:', e)

T = TypeVar('T')


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)


def first(xs: Iterable[int], default: Optional[int] = None) -> Union[int, None]:
    for x in xs:
        return x
    return default


s = Stack[int]()
s.push(3)
print(s.items, first([]), first([5]), cast(int, "x"), T, Any)
cb: Callable[[int], str] = str
print(cb(4))
# int / int rounds once, also past 2**53 (the plain and traced shortcuts).
for i in range(300):
    a = 54043195528445952 + i
    q = a / 31224957416435439
print(q, (2 ** 80 + 1) / (2 ** 60 + 7), -(10 ** 20) / 3, 9007199254740993 / 3)
