# append / pop / iteration on lists and list subclasses, in hot loops, with
# and without Python overrides.


class Coll(list):
    pass


class Logged(list):
    def append(self, x):
        list.append(self, x * 10)

    def pop(self, *a):
        return ("popped", list.pop(self, *a))

    def __iter__(self):
        return iter([0, 1])


for cls in (list, Coll, Logged):
    c = cls()
    total = 0
    for i in range(3000):
        c.append(i)
        if i % 3 == 0:
            r = c.pop()
            total += r if isinstance(r, int) else r[1]
    s = 0
    for x in c:
        s += x
    print(cls.__name__, len(c), total, s)

e = Coll()
for i in range(1000):
    try:
        e.pop()
    except IndexError as ex:
        if i == 999:
            print("IndexError:", ex)
q = Coll([1, 2, 3])
for x in q:
    if len(q) < 6:
        q.append(x + 10)
print(q, q.pop(0), q.pop(), q)
print(type(q).__name__, q == [2, 3, 11, 12], q != [2, 3, 11, 12])


class Indexed(list):
    def __getitem__(self, i):
        return ("item", list.__getitem__(self, i))


cs = Coll(range(10))
ix = Indexed(range(10))
acc = 0
got = None
for i in range(2000):
    acc += cs[i % 10] + cs[-1 - i % 10]
    got = ix[i % 10]
print(acc, got, cs[2:4], ix[-1])
try:
    cs[10]
except IndexError as ex:
    print("IndexError:", ex)
