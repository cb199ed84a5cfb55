# itertools (pure Python generators).

def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj


def accumulate(iterable, func=None, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = total + x if func is None else func(total, x)
        yield total


def chain(*iterables):
    for it in iterables:
        for x in it:
            yield x


def _from_iterable(iterables):
    for it in iterables:
        for x in it:
            yield x


chain.from_iterable = _from_iterable


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(pred, iterable):
    it = iter(iterable)
    for x in it:
        if not pred(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(pred, iterable):
    for x in iterable:
        if pred(x):
            yield x
        else:
            break


def filterfalse(pred, iterable):
    for x in iterable:
        if not (bool(x) if pred is None else pred(x)):
            yield x


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    else:
        start = args[0] or 0
        stop = args[1]
        step = args[2] if len(args) > 2 and args[2] is not None else 1
    i = 0
    nexti = start
    for x in iterable:
        if stop is not None and i >= stop:
            return
        if i == nexti:
            yield x
            nexti += step
        i += 1


def starmap(func, iterable):
    for args in iterable:
        yield func(*args)


def tee(iterable, n=2):
    items = list(iterable)
    return tuple(iter(items) for _ in range(n))


def zip_longest(*iterables, fillvalue=None):
    its = [iter(x) for x in iterables]
    n = len(its)
    while True:
        out = []
        done = 0
        for i in range(n):
            try:
                out.append(next(its[i]))
            except StopIteration:
                done += 1
                out.append(fillvalue)
        if done == n:
            return
        yield tuple(out)


def groupby(iterable, key=None):
    it = iter(iterable)
    sentinel = object()
    cur = sentinel
    group = []
    curk = None
    for x in it:
        k = x if key is None else key(x)
        if cur is sentinel:
            cur = x
            curk = k
            group = [x]
        elif k == curk:
            group.append(x)
        else:
            yield (curk, iter(group))
            curk = k
            cur = x
            group = [x]
    if cur is not sentinel:
        yield (curk, iter(group))


def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield (a, b)
        a = b
