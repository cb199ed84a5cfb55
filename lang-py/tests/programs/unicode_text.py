s = "naïve café – 日本語 😀"
print(len(s), s.upper(), s[6:10], s[-1], s.find("日"), s.encode()[:10], list(s[:3]))
print(sorted("éaèb"), "ß" in s, "Café".lower() == "café", s.split(" "), "–".join(["a", "b"]))
print(ord("😀"), chr(0x65e5), "日本語"[::-1], "ÄÖÜ".lower(), "ǆ".upper(), "Ⅻ".isnumeric() if hasattr(str, "isnumeric") else True)
print(f"{'日本':>6}|", "{:^7}|".format("é"), "%-5s|" % "ñ", "é".center(5, "*"))
