s = "Hello, Wörld! 123"
print([c for c in s if c.isupper()], sum(c.isdigit() for c in s), "".join(c for c in s if c.isalpha()))
vowels = set("aeiouöAEIOU")
print(sum(1 for c in s if c in vowels), [i for i, c in enumerate(s) if c == "l"])
for i, ch in enumerate("abc"):
    print(i, ch, ord(ch), chr(ord(ch) + 1))
print(list(map(ord, "AZ")), "".join(map(chr, [72, 105])), sorted(set("hello world")), s[::-1])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
rows = ["ab", "cd", "ef"]
print(["".join(col) for col in zip(*rows)], [r[::-1] for r in rows])
print("-".join("abc"), " ".join(str(i) for i in range(5)), "a,b,,c".split(","))
