# heapq (stub)
