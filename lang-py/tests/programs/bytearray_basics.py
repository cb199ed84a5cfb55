b = bytearray(b"hello")
b[0] = 72; print(b, b[1:3], len(b), b[0], b[-1])
b.append(33); b.extend(b"ab"); b += b"cd"; print(b, bytes(b), b.decode())
print(bytearray(3), bytearray([65,66]), bytearray("hé", "utf-8"), bytearray("abc", encoding="latin1"))
x = bytearray(b"abcdef"); x[1:3] = b"XYZ"; print(x); del x[0]; print(x); del x[::2]; print(x)
print(x.upper(), type(x.upper()).__name__, x.pop(), x, x == b"YZ"[:len(x)], b"Y" in x, 89 in x)
y = bytearray(b"  a b  "); print(y.strip(), y.split(), y.replace(b"a", b"Q"), y.find(b"b"))
print(bytes(bytearray(b"xy")) + bytearray(b"z"), bytearray(b"z") + b"w", list(bytearray(b"AB")))
z = bytearray(); z.insert(0, 65); z.insert(-1, 66); z.reverse(); print(z, z.copy(), z.hex())
for bad in (lambda: z.__setitem__(0, 300), lambda: z.__setitem__(0, "a"), lambda: hash(z), lambda: z.pop(9), lambda: bytearray(-1), lambda: bytearray("x"), lambda: z.remove(7)):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
import sys
sys.stdout.buffer.write(bytearray(b"raw\n"))
print(bytearray(b"\x00\xff").decode("latin-1") == "\x00\xff", b"abc".decode("ascii"))
print(str(bytearray(b"q"), "ascii"), isinstance(z, bytearray))
print(bytes.fromhex("41 42"), bytearray.fromhex("4a"), b"".fromhex("43"))
for bad in (lambda: bytes.fromhex("4"), lambda: bytearray(b"ab").pop(10 ** 30), lambda: bytes(10 ** 30), lambda: bytes([1, 999]), lambda: bytes("x"), lambda: bytes(3, "ascii")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(bytes(x for x in range(65, 70)), bytearray(iter([66, 67])))
