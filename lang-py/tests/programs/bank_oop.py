class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
class Account:
    _next_id = 1
    def __init__(self, owner):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = 0
        self.log = []
    def deposit(self, amount):
        self.balance += amount
        self.log.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.log.append(("withdraw", amount))
    def __str__(self):
        return f"#{self.id} {self.owner}: {self.balance}"
class Bank:
    def __init__(self):
        self.accounts = []
    def open(self, owner):
        a = Account(owner)
        self.accounts.append(a)
        return a
    def transfer(self, src, dst, amount):
        src.withdraw(amount)
        dst.deposit(amount)
    def richest(self):
        return max(self.accounts, key=lambda a: a.balance)
bank = Bank()
a = bank.open("ann")
b = bank.open("bob")
a.deposit(100)
bank.transfer(a, b, 30)
try:
    bank.transfer(b, a, 500)
except InsufficientFunds as e:
    print("failed:", e, e.needed)
for acc in bank.accounts:
    print(acc, acc.log)
print("richest:", bank.richest().owner)
