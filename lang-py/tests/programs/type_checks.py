values = [1, 1.5, "s", [1], (1,), {1: 2}, {1}, None, True, range(3), len, type, object()]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), callable(v))
print(type(type), type(object), isinstance(type, object), issubclass(bool, int), issubclass(int, object))
print(type(1) is int, type(True) is bool, type(True) is int, type(None) is type(None))
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, B), type(B()) is B, type(B()) == A)
print(A.__name__, B.__bases__[0].__name__, B().__class__.__name__, A.__module__)
