data = {"name": "Ann", "age": 31, "score": 92.456}
print("%(name)s is %(age)d years old, score %(score).1f" % data)
print("%(name)-6s|%(age)04d|" % data, "%%(name)s" % {}, "%s and %s" % ("a", "b"))
print("%5s|%-5s|%.2s" % ("ab", "cd", "efgh"), "%c%c" % (72, "i"), "%x/%X/%o/%e" % (255, 255, 8, 0.5))
rows = [("apple", 3, 0.5), ("kiwi", 12, 0.25)]
for name, qty, price in rows:
    print("%-8s %3d @ %5.2f = %6.2f" % (name, qty, price, qty * price))
