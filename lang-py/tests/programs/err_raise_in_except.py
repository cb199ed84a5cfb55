def f():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
try:
    f()
except ValueError as e:
    print("caught", e)
print("done")
