for n in [0, 7, -7, 255, 1024, 2 ** 64, -(2 ** 70)]:
    print(n, str(n), repr(n), hex(n), oct(n), bin(n)[:20], format(n, ","), format(n, "_x"), len(str(n)))
print(int("123"), int("-123"), int("0o17", 8), int("0x1f", 0), int("1_000_000"), int("  -42\n"))
print(str(12.0), str(1e-7), str(123456789012.5), float(str(0.1)) == 0.1, repr(1 / 3))
print(f"{12345.6789:.2f}", f"{0.000123:.2e}", f"{1234567:,}", f"{-0.5:+.1f}", f"{42:08.2f}", f"{3:3d}|")
