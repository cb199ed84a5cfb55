from array import array
import array as arraymod
a = array('d', [1, 2.5, 3])
print(a, len(a), a[1], a[-1], a[0:2], list(a))
a.append(4)
a[0] = 7
a.extend([5, 6])
print(a, a.tolist(), 2.5 in a, a.index(3.0), a.count(5.0))
print(array('i'), array('i', [1, 2]) + array('i', [3]), array('b', [1]) * 3)
print(array('f', [0.1, 1.5, 1e-40]))
print(array('u', 'hello'), array('B', range(5)).tolist())
print(array('i', [3, 1, 2]) == array('i', [3, 1, 2]), array('i', [1]) < array('i', [2]))
for tc, v in [('b', 128), ('b', -129), ('B', -1), ('B', 256), ('h', 40000), ('H', -1),
              ('i', 2**31), ('I', -1), ('l', 2**63), ('q', -2**64), ('L', 2**64)]:
    try:
        array(tc, [v])
    except OverflowError as e:
        print(tc, 'OverflowError:', e)
try:
    array('z')
except ValueError as e:
    print('ValueError:', e)
try:
    array('d', ['x'])
except TypeError as e:
    print('TypeError:', e)
try:
    array('i', [1])[5]
except IndexError as e:
    print('IndexError:', e)
b = array('d', [0.0] * 4)
for i in range(4):
    b[i] = i * 0.5
print(b, b.pop(), b, arraymod.typecodes, a.itemsize, array('h').itemsize)
del b[0]
b.reverse()
b.insert(0, 9)
print(b, sum(b), sorted(array('i', [3, 1, 2])))
from array import array
for tc,v in [("B",-1),("H",-1),("I",-1),("L",-1),("Q",-1),("Q",2**64),("q",2**63),("l",-2**63-1),("I",2**32),("L",2**64)]:
  try: array(tc,[v])
  except OverflowError as e: print(tc,v,e)
