d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("a", 1) in it)
d["d"] = 4
print(list(k), list(v), list(it))
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), k == {"a", "b", "c", "d"})
for key, val in d.items():
    if val % 2 == 0:
        print("even", key)
print(sorted(d.items(), key=lambda kv: -kv[1]), list(reversed(list(d))), max(d.values()), sum(d.values()))
print(dict(zip(d.values(), d.keys())))
