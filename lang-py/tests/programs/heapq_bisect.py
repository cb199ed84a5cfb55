import heapq
import bisect
data = [5, 7, 9, 1, 3, 8, 2]
heapq.heapify(data)
print(data[0], [heapq.heappop(data) for _ in range(3)], data)
heapq.heappush(data, 0)
print(heapq.heappushpop(data, 4), heapq.heapreplace(data, 10), sorted(data))
print(heapq.nlargest(3, [1, 8, 3, 9, 4]), heapq.nsmallest(2, [5, 1, 7]), heapq.nlargest(2, ["a", "bbb", "cc"], key=len))
tasks = []
for prio, name in [(3, "c"), (1, "a"), (2, "b")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks)[1] for _ in range(3)])
a = [1, 2, 4, 4, 8]
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, 0), bisect.bisect_left(a, 100))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
print(a)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
