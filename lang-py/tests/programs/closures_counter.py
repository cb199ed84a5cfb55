def make_bank():
    balance = {"total": 0}
    history = []
    def deposit(amount):
        balance["total"] += amount
        history.append(("dep", amount))
        return balance["total"]
    def withdraw(amount):
        if amount > balance["total"]:
            raise ValueError("insufficient funds")
        balance["total"] -= amount
        history.append(("wd", amount))
        return balance["total"]
    def report():
        return list(history), balance["total"]
    return deposit, withdraw, report
dep, wd, rep = make_bank()
dep(100)
dep(50)
wd(30)
try:
    wd(1000)
except ValueError as e:
    print(e)
print(rep())
def memoize(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapped.cache = cache
    return wrapped
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
def counter_gen():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc
c1, c2 = counter_gen(), counter_gen()
c1(); c1(5); c2()
print(c1(), c2())
