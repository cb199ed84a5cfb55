def inner(x):
    raise ValueError("bad value: " + str(x))
def outer():
    inner(42)
print("before")
outer()
