d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(d, list(d), list(d.values()))
d["a"] = 100
print(d)
del d["z"]
d["z"] = -1
print(d)
print({k: d[k] for k in sorted(d)}, dict(sorted(d.items(), key=lambda kv: kv[1])))
inv = {v: k for k, v in d.items()}
print(inv, len(inv))
nums = {i: i * i for i in range(10) if i % 3}
print(nums, sum(nums.values()), max(nums, key=nums.get))
merged = {**nums, 1: "one", 100: "hundred"}
print(merged)
counter = {}
for ch in "abracadabra":
    counter[ch] = counter.get(ch, 0) + 1
print(counter, sorted(counter, key=counter.get, reverse=True))
print({(1, 2): "a", (1,): "b"}, {1.5: "x", 2: "y"}, {None: 0, True: 1})
keys = list(d.keys())
for k in keys:
    if d[k] > 1:
        del d[k]
print(d)
