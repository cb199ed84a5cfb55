class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __repr__(self):
        return f"Money({self.cents})"
    def __format__(self, spec):
        if spec == "short":
            return f"{self.cents}c"
        return format(str(self), spec)
m = Money(1234)
print(m, str(m), repr(m), f"{m}", f"{m!r}", f"{m:short}", f"{m:>10}|", "{}".format(m), "{:short}".format(m), "%s %r" % (m, m))
print([m], (m,), {"k": m}, {m.cents: m})
class Temp:
    def __init__(self, d):
        self.d = d
    def __repr__(self):
        return "Temp(%r)" % self.d
print(Temp(21.5), [Temp(1), Temp(2)], f"{Temp('x')!s}")
class NoRepr:
    pass
print(str(NoRepr()).startswith("<__main__.NoRepr object at 0x"), repr(NoRepr).startswith("<class"))
print(format(m, ""), format(3.14159, "10.2f"), format(Money(5), "short"))
