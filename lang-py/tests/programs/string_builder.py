def render_table(rows):
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        out.append(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))
        if r is rows[0]:
            out.append("-+-".join("-" * w for w in widths))
    return "\n".join(out)
rows = [("name", "lang", "year"), ("polyvm", "rust", 2026), ("cpython", "c", 1991), ("pypy", "rpython", 2007)]
print(render_table(rows))
def wrap(text, width):
    words = text.split()
    lines, cur = [], ""
    for w in words:
        if len(cur) + len(w) + (1 if cur else 0) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines
for line in wrap("the quick brown fox jumps over the lazy dog and keeps running far away", 20):
    print(repr(line))
def roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
print([roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2026, 3999]])
def run_length(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
print(run_length("aaabccddddd"), run_length(""), run_length("x"))
