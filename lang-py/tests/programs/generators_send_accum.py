def averager():
    total = 0
    count = 0
    avg = None
    while True:
        term = yield avg
        if term is None:
            break
        total += term
        count += 1
        avg = total / count
    return (count, avg)
def grouper(results, key):
    while True:
        results[key] = yield from averager()
data = {"girls;kg": [40.9, 38.5, 44.3], "boys;m": [1.38, 1.5, 1.32]}
results = {}
for key, values in data.items():
    group = grouper(results, key)
    next(group)
    for v in values:
        group.send(v)
    group.send(None)
print(sorted(results.items()))
