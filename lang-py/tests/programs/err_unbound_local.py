count = 0
def bump():
    try:
        count += 1
    except UnboundLocalError as e:
        print(type(e).__name__)
bump()
def ok():
    x = 1
    del x
    try:
        print(x)
    except NameError as e:
        print("NameError subclass:", isinstance(e, NameError))
ok()
