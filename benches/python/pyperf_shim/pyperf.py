# A stand-in for the pyperf module, so pyperformance's programs run
# unmodified as plain scripts (lang-py/tests/external.rs, "more" programs):
# Runner.bench_func / bench_time_func call the benchmark once and print one
# line; the argument parser only records defaults.
import time
perf_counter = time.perf_counter

class _NS:
    pass

class _ArgParser:
    def __init__(self):
        self.defaults = {}
    def add_argument(self, *names, **kw):
        name = None
        for n in names:
            if n.startswith('--'):
                name = n[2:].replace('-', '_')
                break
        if name is None:
            name = names[0].lstrip('-').replace('-', '_')
        if 'dest' in kw:
            name = kw['dest']
        d = kw.get('default')
        if kw.get('action') == 'store_true' and d is None:
            d = False
        self.defaults[name] = d
    def parse_args(self, *a):
        ns = _NS()
        for k, v in self.defaults.items():
            setattr(ns, k, v)
        return ns

def _summary(r):
    # What a benchmark returned, when that is deterministic (not a time).
    if isinstance(r, bool) or r is None:
        return repr(r)
    if isinstance(r, (int, str)):
        return repr(r)[:200]
    if isinstance(r, (list, tuple, dict, set, frozenset)):
        return "%s of %d" % (type(r).__name__, len(r))
    return type(r).__name__


class Runner:
    def __init__(self, *a, **kw):
        self.metadata = {}
        self.argparser = _ArgParser()
        self.args = None
    def parse_args(self, *a):
        self.args = self.argparser.parse_args()
        return self.args
    def bench_func(self, name, func, *args, **kw):
        r = func(*args)
        print("bench_func", name, "done:", _summary(r))
        return r
    def bench_time_func(self, name, func, *args, **kw):
        r = func(1, *args)
        print("bench_time_func", name, "done")
        return r
