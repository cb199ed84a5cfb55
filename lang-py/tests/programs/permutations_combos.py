from itertools import permutations, combinations, product
def perms(seq):
    if len(seq) <= 1:
        yield list(seq)
        return
    for i in range(len(seq)):
        for p in perms(seq[:i] + seq[i + 1:]):
            yield [seq[i]] + p
mine = [tuple(p) for p in perms([1, 2, 3, 4])]
print(len(mine), mine == list(permutations([1, 2, 3, 4])))
def subsets(xs):
    out = [[]]
    for x in xs:
        out += [s + [x] for s in out]
    return out
print(subsets([1, 2, 3]), len(subsets(range(10))))
print([c for c in combinations(range(5), 3) if sum(c) == 6], len(list(product(range(3), repeat=3))))
def n_queens(n):
    count = 0
    def place(row, cols, d1, d2):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            if c not in cols and row - c not in d1 and row + c not in d2:
                place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c})
    place(0, set(), set(), set())
    return count
print([n_queens(n) for n in range(1, 8)])
