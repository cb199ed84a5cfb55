class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0
    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __mul__(self, o):
        if isinstance(o, Matrix):
            cols = list(zip(*o.rows))
            return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
        return Matrix([[a * o for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __eq__(self, o):
        return self.rows == o.rows
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
    def transpose(self):
        return Matrix(list(zip(*self.rows)))
a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a + b, a * b, 2 * a, a * 3, a[1, 0], a.transpose(), a * b == Matrix([[2, 1], [4, 3]]))
ident = Matrix([[1, 0], [0, 1]])
p = a
for _ in range(5):
    p = p * a
print(p, a * ident == a)
