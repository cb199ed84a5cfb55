def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("could not parse")
try:
    parse("x")
except RuntimeError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
def g():
    try:
        {}["k"]
    except KeyError:
        helper()
def helper():
    raise TypeError("in helper")
try:
    g()
except TypeError as e:
    print(repr(e.__context__))
try:
    try:
        raise ValueError(1)
    except ValueError:
        raise KeyError(2) from None
except KeyError as e:
    print(e.__suppress_context__, e.__context__ is not None)
parse("y")
