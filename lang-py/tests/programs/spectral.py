# Spectral norm of an infinite matrix (power method), integer and float arithmetic.
def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def eval_a_times_u(u):
    n = len(u)
    return [sum(eval_a(i, j) * u[j] for j in range(n)) for i in range(n)]

def eval_at_times_u(u):
    n = len(u)
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * u[j]
        out.append(s)
    return out

def eval_ata_times_u(u):
    return eval_at_times_u(eval_a_times_u(u))

n = 60
u = [1.0] * n
for _ in range(10):
    v = eval_ata_times_u(u)
    u = eval_ata_times_u(v)
vbv = 0.0
vv = 0.0
for ue, ve in zip(u, v):
    vbv += ue * ve
    vv += ve * ve
print("%0.9f" % ((vbv / vv) ** 0.5))
