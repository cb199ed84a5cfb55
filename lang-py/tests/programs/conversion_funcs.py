print(int("  12  "), int("-0"), int("+7"), int("1010", 2), int("ff", 16), int("z", 36), int(3.99), int(-3.99), int(True))
print(float("3"), float("-1.5e3"), float(" .5 "), float("INF"), float(2 ** 10), float(False))
print(str(3), str(3.0), str(-0.5), str([1, "a", None]), str({"k": (1, 2)}), str(()), str(set()))
print(bool(0), bool(""), bool([]), bool({}), bool(0.0), bool(None), bool("0"), bool([0]), bool(-1))
print(list("ab"), list(range(3)), list((1, 2)), list({"x": 1}), list({3}), tuple([1, 2]), tuple("xy"))
print(dict([("a", 1)]), dict(a=1), dict({"b": 2}, c=3), set([1, 2, 2]), frozenset("aab") == frozenset("ab"))
print(chr(97), ord("a"), hex(255), oct(255), bin(255), int(hex(255), 16), round(2.5), round(3.5))
for bad in ["", "1.5", "abc", "12a"]:
    try:
        int(bad)
    except ValueError as e:
        print("int error:", e)
try:
    float("1,5")
except ValueError as e:
    print("float error:", e)
