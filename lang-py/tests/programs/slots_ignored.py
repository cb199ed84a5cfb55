class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"P({self.x}, {self.y})"
p = P(1, 2)
p.x += 5
print(p, P.__slots__)
