import os
class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with Ctx("a") as v:
    print("inside", v)
with Ctx("b", swallow=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with Ctx("x") as x, Ctx("y") as y:
    print("both", x, y)
def early():
    with Ctx("ret"):
        return "returned"
print(early())
for i in range(3):
    with Ctx("loop" + str(i)):
        if i == 1:
            break
path = "with_files_tmp.txt"
with open(path, "w") as f:
    f.write("line one\n")
    f.write("line two\n")
    print(f.closed)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    for line in f:
        print(line.rstrip())
with open(path, "a") as f:
    print("appended", file=f)
with open(path) as f:
    print(f.readlines())
f = open(path)
print(f.readline(), end="")
f.close()
os_removed = False
try:
    open("definitely_missing_file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
import os
os.remove(path)
print(os.path.exists(path), os.path.join("a", "b"), os.path.basename("/x/y.txt"))
