from collections import deque
import heapq
events = []
for t, name in [(5, "e"), (1, "a"), (3, "c"), (2, "b"), (4, "d")]:
    heapq.heappush(events, (t, name))
order = []
while events:
    t, name = heapq.heappop(events)
    order.append(name)
    if name == "a":
        heapq.heappush(events, (2.5, "a2"))
print(order)
q = deque()
for i in range(5):
    q.append(i)
served = []
while q:
    x = q.popleft()
    served.append(x)
    if x % 2 == 0 and x < 4:
        q.append(x + 10)
print(served)
def dijkstra(graph, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, []):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist
g = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 5)], "B": [("D", 1)]}
print(sorted(dijkstra(g, "A").items()))
