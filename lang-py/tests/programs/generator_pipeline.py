def read_lines():
    data = "alpha 3\nbeta 7\ngamma 1\n# comment\ndelta 12\n\nepsilon 5"
    for line in data.split("\n"):
        yield line
def parse(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, value = line.split()
        yield name, int(value)
def filter_big(records, threshold):
    for name, value in records:
        if value >= threshold:
            yield name, value
def scale(records, k):
    return ((n, v * k) for n, v in records)
pipeline = scale(filter_big(parse(read_lines()), 4), 10)
print(list(pipeline))
print(sum(v for _, v in parse(read_lines())), max(parse(read_lines()), key=lambda r: r[1]))
def batched(it, n):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched(range(7), 3)))
def window(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) > n:
            win.pop(0)
        if len(win) == n:
            yield tuple(win)
print(list(window([1, 2, 3, 4, 5], 3)))
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        nxt = []
        for g in gens:
            try:
                yield next(g)
                nxt.append(g)
            except StopIteration:
                pass
        gens = nxt
print(list(interleave("abc", [1, 2], (x for x in "XYZW"))))
