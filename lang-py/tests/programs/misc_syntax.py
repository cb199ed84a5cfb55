x = 1; y = 2; z = x + y
print(z)
if x: print("inline if")
for i in range(2): print("inline for", i)
while x < 3: x += 1
print(x)
def f(): return "inline def"
print(f())
class C: pass
print(C.__name__)
pass
a = [
    1,
    2,  # comment inside brackets
]
b = {
    "k": (
        3
    ),
}
print(a, b)
s = ("implicit "
     "concatenation")
print(s)
t = 1, 2
u = 3,
print(t, u, ())
print((lambda: None)() is None, ... is Ellipsis, type(...).__name__)
n = 10 if x > 2 else 20
print(n)
assert True, "never"
del a[0]
print(a)
