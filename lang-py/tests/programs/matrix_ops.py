def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]
def transpose(a):
    return [list(r) for r in zip(*a)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
a = [[1, 2], [3, 4], [5, 6]]
b = [[7, 8, 9], [10, 11, 12]]
print(matmul(a, b), transpose(a), matmul(identity(2), [[1, 2], [3, 4]]))
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [3, 4]]))
grid = [[0] * 5 for _ in range(5)]
for i in range(5):
    for j in range(5):
        grid[i][j] = (i * j) % 4
for row in grid:
    print(" ".join(str(v) for v in row))
print(sum(map(sum, grid)), max(max(r) for r in grid), [grid[i][i] for i in range(5)])
m = [[1.5, 2.0], [0.5, 4.0]]
inv_det = 1 / det(m)
inv = [[m[1][1] * inv_det, -m[0][1] * inv_det], [-m[1][0] * inv_det, m[0][0] * inv_det]]
print(inv, matmul(m, inv))
