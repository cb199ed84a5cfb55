# A metaclass's __instancecheck__ / __subclasscheck__ decide isinstance and
# issubclass (an exact type match answers without the hook).
class Duck(type):
    def __instancecheck__(cls, obj):
        print("  check", type(obj).__name__) if type(obj) is not Stone else None
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")


class Quacker(metaclass=Duck):
    def quack(self):
        return "quack"


class Robot:
    def quack(self):
        return "beep"


class Stone:
    pass


for o in (Quacker(), Robot(), Stone(), 3):
    print(type(o).__name__, isinstance(o, Quacker), isinstance(o, (int, Quacker)))
print(issubclass(Robot, Quacker), issubclass(Stone, Quacker), issubclass(Stone, (Stone, Quacker)))
hits = 0
for i in range(200):
    if isinstance(Robot() if i % 2 else Stone(), Quacker):
        hits += 1
print(hits)


class Even(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0


class EvenNumber(metaclass=Even):
    pass


print([x for x in range(10) if isinstance(x, EvenNumber)])
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
