text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity."""
words = [w.strip(".,").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(words), len(freq), top)
lines = text.splitlines()
print(len(lines), [len(l) for l in lines], max(lines, key=len)[:20])
print(text.count("it was"), text.lower().count("it was"), text.find("age"), text.replace("it was", "IT WAS")[:30])
caps = " ".join(w.capitalize() for w in "the quick brown fox".split())
print(caps, caps.swapcase(), "-".join(reversed(caps.split())))
def is_pal(s):
    t = "".join(c.lower() for c in s if c.isalnum())
    return t == t[::-1]
print([is_pal(s) for s in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?"]])
def caesar(s, k):
    out = []
    for c in s:
        if c.isalpha():
            base = ord("A") if c.isupper() else ord("a")
            out.append(chr((ord(c) - base + k) % 26 + base))
        else:
            out.append(c)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
csv = "name,age,city\nann,30,NYC\nbob,25,LA"
rows = [line.split(",") for line in csv.splitlines()]
header, data = rows[0], rows[1:]
records = [dict(zip(header, r)) for r in data]
print(records, sum(int(r["age"]) for r in records))
print("{:<6}|{:>4}|{:^5}".format("name", "age", "city"))
for r in records:
    print("{:<6}|{:>4}|{:^5}".format(r["name"], r["age"], r["city"]))
print("%-10s%5.1f%%" % ("ratio", 45.678), "abc".center(11, "."), "x".join("123"))
