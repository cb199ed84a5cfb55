items = ["plain", "tab\t", "new\nline", "quote'", 'dq"', "both'\"", "back\\slash", "\x00\x1f\x7f", "uni é ñ 日本", "\u2028", "emoji \U0001F600"]
for s in items:
    print(repr(s), len(s))
print(repr(items))
print(str(items[0]), ascii("é") if False else "-", "%r" % "a'b", f"{'x'!r}")
print(repr(b"\x00abc\xff"), b"hi".decode(), "hi".encode(), len(b"\x00\x01\x02"))
