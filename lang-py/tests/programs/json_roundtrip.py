import json
records = [{"id": i, "name": "item%d" % i, "tags": ["t%d" % j for j in range(i % 3)], "price": i * 1.25, "active": i % 2 == 0} for i in range(5)]
text = json.dumps(records)
print(text[:80])
back = json.loads(text)
print(back == records, back[3]["tags"], sum(r["price"] for r in back))
print(json.dumps({"b": 1, "a": [True, None]}, sort_keys=True), json.dumps([1, [2, [3]]], indent=1))
print(json.loads('{"nested": {"deep": {"deeper": [1, 2, {"x": "y"}]}}}')["nested"]["deep"]["deeper"][2]["x"])
try:
    json.loads("{bad json}")
except ValueError as e:
    print("ValueError raised")
