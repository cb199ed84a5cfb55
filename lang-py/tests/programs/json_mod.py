import json
data = {"name": "polyvm", "version": 1, "tags": ["jit", "vm"], "ratio": 0.5, "ok": True, "none": None, "nested": {"a": [1, {"b": 2}]}}
s = json.dumps(data)
print(s)
print(json.loads(s) == data)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, "two", 3.0]), json.dumps("é\n"), json.dumps({"k": []}), json.dumps({}))
print(json.loads('[1, 2.5, "x", true, false, null, {"a": "b\\nc"}]'))
print(json.loads("  42 "), json.loads('"\\u00e9"'), json.dumps(1e20), json.dumps(-0.0))
