x: list[int] = [1, 2]
print(list[int], dict[str, list[int]], tuple[int, ...], type[int])
print(list[int]("ab"), list[int] == list[int], list[int] | None)
def f(a: dict[str, int] | None = None) -> set[str]:
    return set()
print(f())
class Reg(type):
    def __getitem__(cls, k): return cls.__name__ + "[" + str(k) + "]"
    def __contains__(cls, x): return x == 3
class R(metaclass=Reg): pass
print(R[5], 3 in R, 4 in R)
