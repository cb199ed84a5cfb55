def check(x):
    try:
        if x == 1:
            raise ValueError("one")
        elif x == 2:
            raise TypeError("two")
        elif x == 3:
            return "three"
        return "other"
    except ValueError:
        return "caught value"
    finally:
        print("finally for", x)
for i in range(1, 5):
    print(check(i) if i != 2 else "skip")
try:
    check(2)
except TypeError as e:
    print("outer caught", e)
def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except LookupError as e:
        print("outer handler", repr(e))
        return "done"
print(nested())
try:
    raise Exception("a", "b", 3)
except Exception as e:
    print(e.args, str(e), repr(e))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "", e.args)
class ValidationError(Exception):
    def __init__(self, field, msg):
        self.field = field
        super().__init__(f"{field}: {msg}")
try:
    raise ValidationError("age", "must be positive")
except ValidationError as e:
    print(e, e.field, e.args)
def gen_err():
    yield 1
    raise RuntimeError("in generator")
try:
    for v in gen_err():
        print("got", v)
except RuntimeError as e:
    print("generator error:", e)
errors = []
for exc in [ZeroDivisionError, IndexError, KeyError, AttributeError, NameError, OverflowError]:
    try:
        raise exc("m")
    except (ArithmeticError, LookupError) as e:
        errors.append("arith/lookup " + type(e).__name__)
    except Exception as e:
        errors.append("other " + type(e).__name__)
print(errors)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("converted")
except ValueError as e:
    print("converted:", e)
x = 0
while True:
    try:
        x += 1
        if x < 3:
            continue
        break
    finally:
        print("loop finally", x)
print(isinstance(ValueError(), Exception), issubclass(BaseException, object), Exception.__mro__[-1].__name__)
try:
    raise SystemExit(0)
except SystemExit as e:
    print("SystemExit caught", e.code)
