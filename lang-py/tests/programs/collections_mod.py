from collections import deque, defaultdict, Counter, namedtuple, OrderedDict
q = deque()
for i in range(5):
    q.append(i)
q.rotate(2)
print(q, list(q), q[0], 3 in q, len(q))
q.extendleft([10, 11])
print(q, q.popleft(), q.pop(), q.maxlen)
w = deque(range(10), maxlen=3)
print(w)
w.append(99)
print(w)
graph = defaultdict(set)
for a, b in [(1, 2), (1, 3), (2, 3)]:
    graph[a].add(b)
    graph[b].add(a)
print(sorted(graph[1]), sorted(graph[3]), len(graph), 4 in graph)
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
c = Counter(["a", "b", "a", "c", "a", "b"])
print(c.most_common(), c["a"], sum(c.values()), list(c.elements()))
c.update("aa")
print(c["a"], c + Counter("b"), c - Counter("aaaa"))
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x + p.y, p._replace(x=10), Point._make([5, 6]), p._fields)
x, y = p
print(x, y, p == (3, 4), list(p))
Emp = namedtuple("Emp", "name age", defaults=[30])
print(Emp("bob"), Emp("al", 5))
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(od, list(od.keys()), od.popitem(last=False))
