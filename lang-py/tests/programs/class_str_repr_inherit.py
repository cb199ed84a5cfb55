class A:
    def __repr__(self):
        return "A()"
class B(A):
    pass
class C(A):
    def __str__(self):
        return "C as str"
print(A(), B(), C(), [A(), B(), C()], str(C()), repr(C()), f"{C()}", f"{C()!r}")
class E(Exception):
    def __str__(self):
        return "custom message"
try:
    raise E("ignored")
except E as e:
    print(e, repr(e), e.args)
class F(ValueError):
    pass
print(repr(F("x")), str(F("a", "b")), F().args)
