# Dict displays whose keys mix ints and bools: True == 1 and False == 0 are
# the same key (the first key object stays, the last value wins).
def build(a, b):
    return {0: a, 1: b, 2: a + b}

def mixed(a):
    return {True: a, 1: a + 1, 0: "zero", False: "false", 2: "two"}

def later_bool(a):
    return {1: a, True: "t", 3: a}

total = 0
for i in range(3000):
    d = build(i, 2)
    total += d[0] + d[1] + d[2] + len(d)
print(total)
for i in range(3):
    print(mixed(i), later_bool(i))
print({5: "i", "5": "s", False: 0, 0: 1}, {"a": 1, 7: 2, 8: 4, True: 5, 1: 6})
