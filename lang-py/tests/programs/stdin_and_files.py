import sys
first = sys.stdin.readline()
print(repr(first))
print(repr(sys.stdin.read(3)))
for line in sys.stdin:
    if line.startswith("b"): break
    print("loop1", repr(line))
rest = [l.rstrip() for l in sys.stdin]
print(rest, sys.stdin.readline() == "")
sys.stdout.write("w\n"); sys.stdout.flush()
sys.stdout.buffer.write(b"bytes out\n")
print(sys.stdin.encoding, sys.stdout.buffer.mode if hasattr(sys.stdout.buffer, "mode") else "")
with open("_io_scratch.txt", "w") as f:
    f.write("héllo\nworld\nthree")
with open("_io_scratch.txt") as f:
    print(repr(f.readline()), repr(f.read(2)), repr(f.readline(3)), list(f))
with open("_io_scratch.txt", "rb") as f:
    d = f.read()
    print(d, len(d), d.decode())
try:
    sys.stdout.write(b"x")
except TypeError as e: print(e)
f = open("_io_scratch.txt"); f.close()
try:
    for x in f: pass
except ValueError as e: print(e)
print(input() if False else "end")
import os
os.remove("_io_scratch.txt")
with open("_io_scratch.bin", "wb") as f:
    print(f.write("x".encode() + b"\x00\xff"), f.mode)
with open("_io_scratch.bin", "rb") as f:
    print(f.read(2), f.read(), f.read())
    try:
        print(f.read().decode())
        print(b"\xff".decode())
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
os.remove("_io_scratch.bin")
print(sys.stdin.read(), sys.stdin.readlines())
