def mandel(w, h, maxit):
    rows = []
    for y in range(h):
        row = []
        ci = (y / h) * 2.0 - 1.0
        for x in range(w):
            cr = (x / w) * 3.0 - 2.0
            zr = zi = 0.0
            it = 0
            while it < maxit and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                it += 1
            row.append(" .:-=+*#%@"[it % 10] if it < maxit else "@")
        rows.append("".join(row))
    return rows
for r in mandel(40, 12, 50):
    print(r)
