def step(cells, w, h):
    new = set()
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    p = ((x + dx) % w, (y + dy) % h)
                    counts[p] = counts.get(p, 0) + 1
    for p, n in counts.items():
        if n == 3 or (n == 2 and p in cells):
            new.add(p)
    return new
def render(cells, w, h):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(w)) for y in range(h))
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
cells = glider
for gen in range(4):
    cells = step(cells, 8, 6)
print(render(cells, 8, 6))
print(len(cells), sorted(cells))
