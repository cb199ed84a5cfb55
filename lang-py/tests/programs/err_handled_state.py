# The exception being handled is restored when a handler is left by an
# exception too: after an inner `except` raises into an outer one, a later
# uncaught error has no "During handling" context (it had the inner one).
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print("caught", repr(e), repr(e.__cause__), repr(e.__context__))
def f():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError:
        pass
    raise ValueError("v")
try:
    f()
except ValueError as e:
    print("context:", repr(e.__context__))
try:
    try:
        raise TypeError("t")
    except TypeError:
        raise
except TypeError as e:
    print("reraised", e)
try:
    raise IndexError("i")
except IndexError:
    try:
        raise NameError("n")
    except NameError as e:
        print("ctx", repr(e.__context__))
    try:
        raise OSError("o")
    except OSError as e:
        print("ctx2", repr(e.__context__))
raise KeyError("later")
