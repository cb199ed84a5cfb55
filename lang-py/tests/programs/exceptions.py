def risky(n):
    if n == 0:
        raise ValueError("zero!")
    if n == 1:
        raise KeyError("k")
    return 10 / (n - 2)
for n in range(4):
    try:
        r = risky(n)
    except ValueError as e:
        print("ValueError:", e)
    except (KeyError, IndexError) as e:
        print("lookup error:", repr(e))
    except ZeroDivisionError:
        print("div by zero")
    else:
        print("ok", r)
    finally:
        print("finally", n)
class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyError(42, "custom")
except Exception as e:
    print(type(e).__name__, e.code, e, e.args, isinstance(e, MyError), isinstance(e, Exception))
def f():
    try:
        return "try"
    finally:
        print("cleanup in f")
print(f())
def g():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("g finally", i)
    return i
print(g())
try:
    try:
        raise TypeError("inner")
    except TypeError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    print(e, repr(e.__cause__))
try:
    [][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    raise StopIteration
except StopIteration:
    print("stop")
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
def reraise():
    try:
        raise ValueError("again")
    except ValueError:
        print("handling")
        raise
try:
    reraise()
except ValueError as e:
    print("reraised", e)
class E1(Exception): pass
class E2(E1): pass
try:
    raise E2("sub")
except E1 as e:
    print("caught subclass", type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
try:
    x = 1 / 0
except Exception as e:
    print(e.args, str(e))
