class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1)
s.push(2)
s.extend([3, 4])
print(s, len(s), s.peek(), s.pop(), list(s), isinstance(s, list), 3 in s, s[0], sorted(s, reverse=True))
for x in s:
    print("item", x)
class Registry(dict):
    def register(self, k, v):
        self[k] = v
        return self
r = Registry()
r.register("a", 1).register("b", 2)
print(r, len(r), r["a"], r.get("z", 0), list(r.keys()), "b" in r, isinstance(r, dict))
class Ordered(list):
    def __init__(self, items):
        super().__init__(items)
        self.count = len(items)
o = Ordered([3, 1, 2])
o.sort()
print(o, o.count, o + [9], bool(Ordered([])), bool(o))
class Named(dict):
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name
    def __repr__(self):
        return self.name + ":" + str(dict(self))
n = Named("cfg", x=1, y=2)
print(n, n["x"], n.name)
