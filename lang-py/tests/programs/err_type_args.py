def area(w, h):
    return w * h
print(area(2, 3))
try:
    area(1)
except TypeError as e:
    print("TypeError:", e)
try:
    area(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    area(1, h=2, w=3)
except TypeError as e:
    print("TypeError:", e)
try:
    area(1, 2, depth=3)
except TypeError as e:
    print("TypeError:", e)
def kw(*, a):
    return a
try:
    kw()
except TypeError as e:
    print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    "abc" * "d"
except TypeError as e:
    print("TypeError:", e)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
n = None
try:
    n()
except TypeError as e:
    print("TypeError:", e)
try:
    1 < "a"
except TypeError as e:
    print("TypeError:", e)
try:
    {}[[1]]
except TypeError as e:
    print("TypeError:", e)
try:
    int("12x")
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    (1, 2)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    "x".foo()
except AttributeError as e:
    print("AttributeError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
area("a", "b")
