name = "World"
x = 3.14159
n = 42
items = [1, 2, 3]
print(f"Hello {name}!", f"{x:.2f}", f"{n:5d}|", f"{n:<5}|", f"{n:^7}|", f"{n:>5}|", f"{n:05}", f"{n:x}", f"{n:#b}")
print(f"{name!r}", f"{name!s}", f"{items}", f"{items[1]}", f"{len(items)}", f"{n * 2}", f"{'nested'}")
print(f"{x:10.3f}|", f"{x:<10.3f}|", f"{x:e}", f"{x:g}", f"{1234567.891:,.2f}", f"{0.25:%}", f"{0.5:.1%}")
print(f"{n=}", f"{x = :.1f}", f"{{literal}}", f"{'a' if n > 1 else 'b'}")
w = 8
p = 3
print(f"{x:{w}.{p}f}|", f"{name:*^{w}}", f"{1000000:_}", f"{-5:+}", f"{5:+}")
d = {"k": "v"}
print(f"{d['k']}", f"{d}", f"{[i*i for i in range(4)]}")
print(f"""multi
{name}""")
print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{:.3f}".format(2.0 / 3))
print("{0[1]} {1[k]}".format([5, 6], d), "{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:,}".format(1234567))
print(format(3.5, ".2f"), format(42, "08b"), format("s", ">3"), format(1e-7), format(123, ""))
