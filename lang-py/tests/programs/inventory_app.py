class Item:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty
    @property
    def total(self):
        return self.price * self.qty
    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.qty})"
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, item):
        if item.name in self.items:
            self.items[item.name].qty += item.qty
        else:
            self.items[item.name] = item
    def remove(self, name, qty):
        item = self.items.get(name)
        if item is None:
            raise KeyError(name)
        if item.qty < qty:
            raise ValueError(f"only {item.qty} {name} left")
        item.qty -= qty
        if item.qty == 0:
            del self.items[name]
    def value(self):
        return sum(i.total for i in self.items.values())
    def report(self):
        lines = []
        for name in sorted(self.items):
            i = self.items[name]
            lines.append(f"{name:<8}{i.qty:>4} x {i.price:>6.2f} = {i.total:>8.2f}")
        lines.append(f"{'TOTAL':<8}{'':>17}{self.value():>8.2f}")
        return "\n".join(lines)
inv = Inventory()
inv.add(Item("apple", 0.5, 100))
inv.add(Item("pear", 0.75, 40))
inv.add(Item("apple", 0.5, 20))
inv.add(Item("melon", 3.0, 5))
inv.remove("pear", 15)
try:
    inv.remove("melon", 10)
except ValueError as e:
    print("error:", e)
try:
    inv.remove("kiwi", 1)
except KeyError as e:
    print("missing:", e)
inv.remove("melon", 5)
print(inv.report())
print(sorted(inv.items.values(), key=lambda i: i.total))
