a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
x = None
print(x is None, x is not None, None is None, type(None) is type(x))
s1 = "hello"
s2 = "hel" + "lo"
print(s1 == s2, s1 is s1)
t = (1, 2)
print(t is t, t == (1, 2))
class K:
    pass
k1, k2 = K(), K()
print(k1 is k2, k1 == k2, k1 != k2, k1 is k1, hash(k1) == hash(k1))
print(True is True, 1 == True, 0 == False, [] is not [], {} == {})
