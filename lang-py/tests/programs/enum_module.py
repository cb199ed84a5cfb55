from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return self.name.lower()
print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'])
print(list(Color), len(Color), Color.RED in Color, Color.CRIMSON is Color.RED, Color.RED.describe())
print([c.name for c in Color], Color.RED == Color.RED, Color.RED != Color.BLUE, Color.RED == 1)
print({Color.RED: 'r'}[Color.CRIMSON], isinstance(Color.RED, Color), type(Color.RED).__name__)
try:
    Color(7)
except ValueError as e:
    print('ValueError:', e)
class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
print(list(Shape), Shape.CIRCLE.value)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO > Num.ONE, Num(2), repr(Num.ONE), Num.ONE == 1, sorted([Num.TWO, Num.ONE]), str(Num.TWO))
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(Perm.R, Perm.W.value, Perm.X.value, rw.value, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.W))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError:', e)
print(f"{Color.RED}", "%s" % Color.BLUE, list(reversed(Color)))
