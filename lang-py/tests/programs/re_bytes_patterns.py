import re
print(re.findall(rb"l+", b"hello world"), re.sub(b"o", b"0", b"foo boo"), re.sub(rb"(\w)o", rb"\1!", bytearray(b"fo xo")))
m = re.search(rb"(?P<x>\d+)", b"ab 123 cd"); print(m, m.group(), m.group("x"), m.span(), m.groups())
print(re.split(rb",\s*", b"a, b,c"), re.escape(b"a.b"))
for a, b in ((rb"x", "x"), ("x", b"x")):
    try: re.search(a, b)
    except TypeError as e: print(e)
print(re.sub(b"a", lambda m: m.group().upper(), b"banana"), re.subn(rb"n", b"N", b"banana"))
s = bytearray(b"ab"); t = s[0:1] + b"\n"; print(t)
