count = 0
def increment():
    global count
    count += 1
    return count
for _ in range(3):
    increment()
print(count)
def make_counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    def reset():
        nonlocal n
        n = 0
    return step, reset
step, reset = make_counter()
step(); step()
print(step())
reset()
print(step())
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())
config = {"debug": False}
def toggle():
    config["debug"] = not config["debug"]
toggle()
print(config)
def define_global():
    global NEW_GLOBAL
    NEW_GLOBAL = "created"
define_global()
print(NEW_GLOBAL)
