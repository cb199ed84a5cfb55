vals = [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (0,), {}, {"a": 1}, set(), {0}, None, True, False, range(0), range(1)]
print([bool(v) for v in vals])
print([not v for v in vals])
class Empty:
    pass
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Flag:
    def __init__(self, f):
        self.f = f
    def __bool__(self):
        return self.f
print(bool(Empty()), bool(Sized(0)), bool(Sized(2)), bool(Flag(False)), bool(Flag(True)))
if Sized(0) or Flag(True):
    print("or works")
print(Sized(0) and "x" or "falsy", Flag(True) and "y", Flag(False) or "z")
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0.0 or "", None or 5)
x = [1] if Flag(False) else [2]
print(x, all(Sized(i) for i in [1, 2]), any(Flag(False) for _ in range(2)))
while Sized(0):
    print("never")
print([v for v in [Sized(0), Sized(1), Flag(True)] if v].__len__())
