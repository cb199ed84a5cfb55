for b in [b"\xff", b"ab\xc3", b"\xc3(", b"\x80x", b"\xe2\x82", b"\xed\xa0\x80"]:
    try: b.decode()
    except UnicodeDecodeError as e: print(e)
print(bytes("é", "utf-8"), "x".encode(), (5).to_bytes(2, "big"), b"ab"[1:], b"a" + b"b", bytes([1, 255]))
class M(type): pass
class A(metaclass=M): pass
B = type("B", (A,), {"x": 1}); print(type(B).__name__, B.x)
class X(type): pass
try:
    class C(A, metaclass=X): pass
except TypeError as e: print(e)
for b in [b"\xe2\x82(", b"\xf0\x9f\x98", b"a\xf0\x9f(x"]:
    try: b.decode()
    except UnicodeDecodeError as e: print(e)
