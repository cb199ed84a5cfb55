class P:
    __slots__ = ('x', 'y')
    kind = 'point'
    def __init__(self): self.x = 1
p = P(); print(p.x)
for i in range(3):
    try: p.z = i
    except AttributeError as e: print(e, e.name)
try: print(p.y)
except AttributeError as e: print(e)
p.y = 5; print(p.y)
try: p.kind = 'q'
except AttributeError as e: print(e)
try: setattr(p, 'w', 1)
except AttributeError as e: print(e)
try: object.__setattr__(p, 'w', 1)
except AttributeError as e: print(e)
class Q(P):
    __slots__ = 'z'
q = Q(); q.z = 3; q.x = 4; print(q.z, q.x)
try: q.other = 1
except AttributeError as e: print(e)
class R(P): pass
r = R(); r.anything = 1; print(r.anything)
class S:
    __slots__ = ['a', '__dict__']
s = S(); s.b = 2; print(s.b)
class T(Exception):
    __slots__ = ()
t = T(); t.note = 1; print(t.note)
