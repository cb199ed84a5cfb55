# copy: shallow and deep copies of built-in containers and plain instances.

def copy(x):
    t = type(x)
    if t is list:
        return list(x)
    if t is dict:
        return dict(x)
    if t is set:
        return set(x)
    if hasattr(x, '__copy__'):
        return x.__copy__()
    if t in (int, float, str, bool, tuple, frozenset, type(None)):
        return x
    c = object.__new__(t)
    for k, v in x.__dict__.items():
        setattr(c, k, v)
    return c


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    i = id(x)
    if i in memo:
        return memo[i]
    t = type(x)
    if t is list:
        r = []
        memo[i] = r
        for v in x:
            r.append(deepcopy(v, memo))
        return r
    if t is dict:
        r = {}
        memo[i] = r
        for k, v in x.items():
            r[deepcopy(k, memo)] = deepcopy(v, memo)
        return r
    if t is tuple:
        return tuple(deepcopy(v, memo) for v in x)
    if t is set:
        return set(deepcopy(v, memo) for v in x)
    if t in (int, float, str, bool, frozenset, type(None)):
        return x
    if hasattr(x, '__deepcopy__'):
        return x.__deepcopy__(memo)
    if hasattr(x, '__dict__') and not isinstance(x, type):
        c = object.__new__(t)
        memo[i] = c
        for k, v in x.__dict__.items():
            setattr(c, k, deepcopy(v, memo))
        return c
    return x
