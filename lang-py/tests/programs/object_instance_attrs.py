# Instances of object itself have no __dict__: setting an attribute raises.
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(o, "y", 2)
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(o, "x"))
class C:
    pass
c = C()
c.x = 1
object.__setattr__(c, "y", 2)
print(c.x, c.y)
try:
    print(o.z)
except AttributeError as e:
    print("AttributeError:", e)
