u = int | None
print(u, int | str | None, (int | str) == (str | int), isinstance(3, int | str), isinstance(None, int | None), isinstance(2.5, int | str))
class Foo: pass
print(Foo | None, isinstance(Foo(), Foo | int), issubclass(bool, int | str), u.__args__)
def f(x: int | None = None) -> list[int] | None:
    return x
print(f(3))
h: int | None = None
print(__annotations__)
try:
    int | 3
except TypeError as e:
    print('TypeError:', e)
