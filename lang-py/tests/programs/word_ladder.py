from collections import deque
words = {"hit", "hot", "dot", "dog", "cog", "lot", "log"}
def ladder(start, end):
    q = deque([(start, [start])])
    seen = {start}
    while q:
        w, path = q.popleft()
        if w == end:
            return path
        for i in range(len(w)):
            for c in "abcdefghijklmnopqrstuvwxyz":
                nw = w[:i] + c + w[i + 1:]
                if nw in words and nw not in seen:
                    seen.add(nw)
                    q.append((nw, path + [nw]))
    return None
print(ladder("hit", "cog"), ladder("hit", "xyz"))
