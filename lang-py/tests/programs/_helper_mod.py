"""A helper module imported by import_local.py."""
VALUE = 42
_private = "hidden"
counter = 0

def greet(name):
    return "hello, " + name

class Shape:
    def __init__(self, sides):
        self.sides = sides
    def describe(self):
        return "shape with %d sides" % self.sides

def bump():
    global counter
    counter += 1
    return counter

if __name__ == "__main__":
    print("not printed when imported")
else:
    print("helper imported as", __name__)
