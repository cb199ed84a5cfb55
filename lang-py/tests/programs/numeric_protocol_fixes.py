print(pow(3, -1, 7), pow(2, 10, 1000), pow(-3, -2, 11), pow(5, -1, -7), pow(2, 3, -5), pow(-2, 3, 5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
class A:
    def __eq__(s, o): return True
    def __lt__(s, o): return True
print(A() == 0.75, A() == 1, A() == "x", 0.75 == A(), A() < 0.5, A() != 0.75)
x = A()
print(x == 0.75)
print(hash(True), hash(False), hash(3.5), hash(-1.5), hash(0.1), hash(1e300), hash(-0.0), hash(float("-inf")), hash(2.0**-1070), {0.5: 1, True: 2})
import math
class R:
    def __floor__(self): return 'floored'
    def __ceil__(self): return 'ceiled'
    def __trunc__(self): return 'truncated'
print(math.floor(R()), math.ceil(R()), math.trunc(R()))
try:
    math.floor(object())
except TypeError as e:
    print('TypeError:', e)
print((255).to_bytes(2, 'big'), (1024).to_bytes(4, byteorder='little'), (-1).to_bytes(2, 'big', signed=True), (0).to_bytes(0, 'big'))
for args in [(256, 1, 'big'), (-1, 1, 'big'), (128, 1, 'big', True)]:
    try:
        n, l, o = args[:3]
        print(n.to_bytes(l, o, signed=len(args) > 3))
    except OverflowError as e:
        print('OverflowError:', e)
