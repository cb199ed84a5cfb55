def f():
    try:
        return "try"
    finally:
        print("f finally")
def g():
    try:
        raise ValueError("x")
    except ValueError:
        return "except"
    finally:
        print("g finally")
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
def k():
    while True:
        try:
            return "from loop"
        finally:
            print("k finally")
def nested():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(f(), g())
h()
print(k(), nested())
def with_else():
    try:
        x = 1
    except Exception:
        return "except"
    else:
        return "else " + str(x)
    finally:
        print("with_else finally")
print(with_else())
