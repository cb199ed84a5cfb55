class Config:
    defaults = {"debug": False, "level": 1}
    def __init__(self, **overrides):
        for k, v in Config.defaults.items():
            setattr(self, k, v)
        for k, v in overrides.items():
            setattr(self, k, v)
    def as_dict(self):
        return dict(vars(self))
c = Config(level=3, name="x")
print(c.as_dict(), c.debug, getattr(c, "name"), hasattr(c, "missing"))
delattr(c, "name")
print(hasattr(c, "name"), sorted(vars(c)))
class Point:
    pass
p = Point()
p.x = 1
p.__dict__["y"] = 2
print(p.x, p.y, vars(p))
Point.z = 99
print(p.z, Point.z, "z" in vars(p))
def method(self):
    return self.x * 10
Point.scaled = method
print(p.scaled())
print(type(p).__name__, p.__class__ is Point, isinstance(p, object))
