# Tuples (and frozensets) holding objects with a user __hash__ as dict keys
# and set members; CPython's tuple hash.
from fractions import Fraction


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return 'P(%d, %d)' % (self.x, self.y)


class Plain:
    pass


memo = {}
for i in range(3):
    for j in range(3):
        memo[(P(i, j), i + j)] = i * j
print(len(memo), memo[(P(2, 2), 4)], (P(1, 1), 2) in memo, (P(1, 1), 3) in memo)
seen = {(P(0, 0), 'a'), (P(0, 0), 'a'), (P(0, 1), 'a')}
print(len(seen), sorted(repr(t) for t in seen))
fs = {frozenset([P(1, 2), P(3, 4)]): 'fs'}
print(fs[frozenset([P(3, 4), P(1, 2)])])
n = Plain()
d = {(n, 1): 'plain'}
print(d[(n, 1)], (Plain(), 1) in d)
q = {(Fraction(1, 2), Fraction(1, 3)): 'half-third'}
print(q[(Fraction(2, 4), Fraction(2, 6))])
print(hash((1, 2)), hash(()), hash(('a',)) == hash(('a',)), hash((P(1, 2), 3)) == hash(((1, 2), 3)))
nested = {((P(1, 1), 2), 3): 'nested'}
print(nested[((P(1, 1), 2), 3)])
