# Statements whose values live in temporaries across nested statements,
# in loops hot enough to be recorded.
class CM:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append(1)
        return self

    def __exit__(self, *a):
        self.log.append(2)
        return False


def gen(n):
    for i in range(n):
        yield i * 2


def run(n):
    log = []
    total = 0
    d = {"a": 0}
    lst = [0] * 4
    for i in range(n):
        with CM(log) as cm:
            total += len(cm.log) % 7
            if i % 3 == 0:
                continue
        try:
            if i % 5 == 0:
                raise ValueError(i)
            total += 1
        except ValueError as e:
            total += e.args[0] % 3
        finally:
            total += 2
        for j in gen(3):
            if j == 4:
                break
            total += j
        else:
            total -= 1
        k = 0
        while k < 3:
            k += 1
            if k == 2:
                continue
            total += k
        else:
            total += 100
        d["a"] += i
        lst[i % 4] += 1
        total += 1 if 0 < i % 4 < 3 else -1
        for a, b in zip(range(2), "xy"):
            total += a + len(b)
        total += sum(x for x in range(3))
    return total, len(log), d, lst


print(run(2000))
print(run(10))
