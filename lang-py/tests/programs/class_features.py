class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        Base.registry.append(cls.__name__)
class A(Base):
    pass
class B(Base):
    pass
print(Base.registry)
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
    @property
    def balance(self):
        return self._balance
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("amount must be positive")
        self._balance += amt
        return self
    @classmethod
    def from_string(cls, s):
        name, bal = s.split(":")
        return cls(name, int(bal))
    @staticmethod
    def validate(x):
        return x > 0
    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self._balance})"
class Savings(Account):
    interest = 0.05
    def add_interest(self):
        self._balance += self._balance * self.interest
        return self
a = Account.from_string("ann:100")
s = Savings.from_string("sam:200")
print(a, s, a.deposit(50).balance, s.add_interest(), Account.validate(-1), isinstance(s, Account))
try:
    a.deposit(-5)
except ValueError as e:
    print("error:", e)
try:
    a.balance = 5
except AttributeError as e:
    print("AttributeError:", e)
print(type(a) is Account, type(s).__mro__[1].__name__, Savings.__bases__[0].__name__, Account.__name__)
class Meta:
    count = 0
    def __new__(cls, *args):
        Meta.count += 1
        inst = super().__new__(cls)
        inst.created = Meta.count
        return inst
    def __init__(self, label):
        self.label = label
m1 = Meta("a")
m2 = Meta("b")
print(m1.created, m2.created, m2.label, Meta.count)
class Slots:
    def __init__(self):
        self.__private = 1
        self._prot = 2
    def get(self):
        return self.__private
print(Slots().get(), Slots()._prot)
class Dyn:
    def __getattr__(self, name):
        return "dyn_" + name
d = Dyn()
d.real = 1
print(d.real, d.anything, getattr(d, "other"))
class Guard:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)
g = Guard()
g.x = 5
print(g.x)
print(hasattr(A, "registry"), A.registry is Base.registry, issubclass(B, (A, Base)))
class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt
lst = Node(1, Node(2, Node(3)))
print(list(lst), sum(lst), [v * 10 for v in lst])
