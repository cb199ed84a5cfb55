e = ValueError("a", 1, [2])
print(e.args, str(e), repr(e), len(e.args))
e2 = KeyError("missing")
print(str(e2), repr(e2), e2.args[0])
e3 = OSError(2, "No such file")
print(e3.args)
class WithData(Exception):
    def __init__(self, code, *rest):
        super().__init__(code, *rest)
        self.code = code
w = WithData(404, "not found")
print(w.args, w.code, str(w))
try:
    raise WithData(500)
except WithData as err:
    print(err.code, err.args, isinstance(err, Exception), type(err).__mro__[1].__name__)
print(isinstance(StopIteration(), Exception), isinstance(KeyboardInterrupt(), Exception), isinstance(SystemExit(), BaseException))
