data = {
    "users": [
        {"name": "ann", "roles": ["admin", "dev"], "age": 31},
        {"name": "bob", "roles": ["dev"], "age": 25},
        {"name": "cy", "roles": [], "age": 40},
    ],
    "meta": {"version": 2, "tags": {"a", "b"} and ["a", "b"]},
}
print([u["name"] for u in data["users"] if "dev" in u["roles"]])
print(sum(u["age"] for u in data["users"]) / len(data["users"]))
by_role = {}
for u in data["users"]:
    for r in u["roles"]:
        by_role.setdefault(r, []).append(u["name"])
print(by_role, data["meta"]["version"], data["meta"]["tags"][1])
oldest = max(data["users"], key=lambda u: u["age"])
print(oldest["name"], sorted(data["users"], key=lambda u: u["name"], reverse=True)[0]["name"])
data["users"][1]["roles"].append("ops")
print(data["users"][1], len(data["users"][1]["roles"]))
flat = [(u["name"], r) for u in data["users"] for r in u["roles"]]
print(flat)
