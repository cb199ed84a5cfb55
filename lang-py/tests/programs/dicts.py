d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4), "one" in d, "x" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, v)
del d["one"]
print(d, d.pop("two"), d, d.pop("zz", None))
d.update({"a": 1, "b": 2}, c=3)
print(d, d.setdefault("a", 9), d.setdefault("z", 26), d)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("abc", range(3))))
sq = {i: i * i for i in range(5)}
print(sq, sq[3], sorted(sq, reverse=True))
print({1: "int", 1.0: "float"}, {(1, 2): "tuple"}[(1, 2)], {True: "t"}.get(1))
c = {}
for w in "the cat and the hat and the bat".split():
    c[w] = c.get(w, 0) + 1
print(c, max(c, key=c.get), sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
e = d.copy()
e.clear()
print(e, d == d.copy(), {"a": 1} == {"a": 1}, {"a": 1} != {"a": 2})
print(d.keys(), d.values(), d.items())
print({**{"a": 1}, "b": 2, **{"c": 3}}, dict.fromkeys("ab", 0), {1: 2} | {3: 4})
nested = {"x": {"y": [1, 2, {"z": 3}]}}
print(nested["x"]["y"][2]["z"], nested)
print(d.popitem(), d)
try:
    print(d["missing"])
except KeyError as ex:
    print("KeyError", ex)
