import io

s = io.StringIO()
print(s.write("hello "), s.write("world\n"))
print("line two", file=s)
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(4)), s.tell())
print(repr(s.read()))
s.seek(6)
s.write("WORLD")
print(repr(s.getvalue()))
s.seek(0)
print([line for line in s])
s.truncate(5)
print(repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell())

t = io.StringIO("a\nb\nc")
print(t.readlines())
t.seek(0)
print(t.readline(1), t.readline(), t.read())
with io.StringIO("ctx") as u:
    print(u.read(), u.closed)
print(u.closed)
try:
    u.read()
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError:", e)

b = io.BytesIO(b"abc")
b.seek(0, 2)
b.write(b"def")
print(b.getvalue(), len(b.getvalue()))

import sys
old = sys.stdout
buf = io.StringIO()
sys.stdout = buf
print("captured")
sys.stdout = old
print(repr(buf.getvalue()))
