from typing import List, Dict, Optional, Any, Tuple, Union, Callable
a: list[int] = [1]
b: dict[str, int] = {}
c: List[int] = []
d: Optional[int] = None
e: "Foo" = 1
f: tuple[int, ...] = ()
g: Dict[str, List[int]] = {}
h: int | None = None
i: Callable[[int], str] = str
j: Union[int, str] = 3
print(sorted(__annotations__))
class K:
    x: Any
    y: Tuple[int, int] = (1, 2)
print(list(K.__annotations__))

class Base:
    a: int = 1

class Derived(Base):
    b: str
print(Derived.__annotations__, Base.__annotations__, Derived.a)

def f():
    x: int = 5
    y: undefined_name_never_evaluated
    class Inner:
        z: float = 2.0
    return x, Inner.__annotations__
print(f())

if True:
    cond: bool = True
for _ in range(1):
    loop_var: int = 0
print(cond, loop_var, 'cond' in __annotations__, 'loop_var' in __annotations__)

class Obj:
    pass
o = Obj()
o.attr: int = 4
print(o.attr)
