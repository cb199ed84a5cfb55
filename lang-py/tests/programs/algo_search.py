def bsearch(xs, t):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == t:
            return mid
        if xs[mid] < t:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
xs = list(range(0, 200, 3))
print([bsearch(xs, t) for t in [0, 3, 99, 100, 198, 197]])
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start):
    seen = [start]
    queue = [start]
    while queue:
        n = queue.pop(0)
        for m in graph[n]:
            if m not in seen:
                seen.append(m)
                queue.append(m)
    return seen
def dfs(n, seen=None):
    if seen is None:
        seen = []
    seen.append(n)
    for m in graph[n]:
        if m not in seen:
            dfs(m, seen)
    return seen
print(bfs("a"), dfs("a"))
def paths(n, target):
    if n == target:
        return [[n]]
    return [[n] + p for m in graph[n] for p in paths(m, target)]
print(paths("a", "f"))
grid = ["..#.", ".##.", "....", "#..."]
def count_islands(grid):
    h, w = len(grid), len(grid[0])
    seen = set()
    count = 0
    for r in range(h):
        for c in range(w):
            if grid[r][c] == "." and (r, c) not in seen:
                count += 1
                stack = [(r, c)]
                while stack:
                    y, x = stack.pop()
                    if (y, x) in seen:
                        continue
                    seen.add((y, x))
                    for dy, dx in [(0, 1), (1, 0), (0, -1), (-1, 0)]:
                        ny, nx = y + dy, x + dx
                        if 0 <= ny < h and 0 <= nx < w and grid[ny][nx] == ".":
                            stack.append((ny, nx))
    return count
print(count_islands(grid))
