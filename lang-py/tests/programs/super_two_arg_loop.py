# super(C, self) and super() in loops, where the same call site sees
# objects of different classes (the MRO after C differs), classes whose
# methods change, and object.__init__ reached through super.


class Base:
    def __init__(self):
        super(Base, self).__init__()
        self.log = []

    def who(self):
        return "Base"


class Left(Base):
    def who(self):
        return "Left>" + super(Left, self).who()


class Right(Base):
    def who(self):
        return "Right>" + super(Right, self).who()


class Diamond(Left, Right):
    def who(self):
        return "Diamond>" + super(Diamond, self).who()


class Solo(Left):
    pass


def run(objs, n):
    counts = {}
    for i in range(n):
        w = objs[i % len(objs)].who()
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items())


objs = [Left(), Right(), Diamond(), Solo(), Base()]
print(run(objs, 3000))
Right.who = lambda self: "R2>" + super(Right, self).who()
print(run(objs, 3000))


class Strength:
    def __init__(self, v, name):
        super(Strength, self).__init__()
        self.v = v
        self.name = name


class Weak(Strength):
    def __init__(self, v):
        super(Weak, self).__init__(v, "weak")


def build(n):
    total = 0
    for i in range(n):
        s = Weak(i) if i % 2 else Strength(i, "s")
        total += s.v + len(s.name)
    return total


print(build(4000))
try:
    super(Weak, Strength(1, "x"))
except TypeError as e:
    print("TypeError")
try:
    object.__init__(Weak(1), 5)
except TypeError as e:
    print("TypeError", e)


class WithArgs:
    def __init__(self, a):
        super().__init__()
        self.a = a


print(sum(WithArgs(i).a for i in range(2000)))
print(super(Left, Diamond()).who(), super(Diamond, Diamond()).who())
