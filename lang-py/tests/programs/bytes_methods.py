b = b"hello world"
print(b + b"!", b * 2, b == b"hello world", b < b"z", b"wor" in b, 104 in b, hash(b) == hash(b"hello world"))
print(list(b[:3]), b[0], b[-1:], len(b))
d = {b"k": 1}; print(d[b"k"])
print(b.split(), b.upper(), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"), b.strip(b"hd"))
print(b"-".join([b"a", b"b"]), b.startswith(b"he"), b.decode("ascii"), b.index(b"w"))
t = bytes.maketrans(b"abc", b"xyz"); print(b"aabbcc".translate(t))
print(b.rjust(13, b"*"), b.title(), b.isalpha(), b"12".isdigit(), b.partition(b" "), b.splitlines())
print(bytes([65, 66]), bytes(3), bytes("é", "utf-8"), "é".encode(), b"\xc3\xa9".decode())
seq = b">ONE\nACGTTGCA\nacgt\n"
lines = seq.split(b"\n")
print(lines, b"".join(lines[1:]).upper(), seq.count(b"A"), seq.find(71), seq.rfind(b"T", 0, 9))
comp = bytes.maketrans(b"ACGTacgt", b"TGCAtgca")
print(lines[1].translate(comp)[::-1], lines[1].translate(None, b"GC"), b"x" * 0, 3 * b"ab")
print(sorted([b"b", b"a", b"ab"]), b"a" < b"ab" <= b"b", {b"k": 1, b"k" + b"": 2})
print(b"  pad ".strip(), b"a,b,,c".split(b","), b"x".center(5, b"-"), b"7".zfill(3), b"ab".hex())
print(b"Hello".swapcase(), b"\xe9t\xe9".upper(), b"abc".startswith((b"x", b"a")), b"ABC".lower().islower())
try:
    b"abc".split("b")
except TypeError as e:
    print("TypeError:", e)
try:
    b"-".join([b"a", "b"])
except TypeError as e:
    print("TypeError:", e)
