print(1_000_000, 0x_ff, 0o17, 0b1010_1010, 0xDEAD_beef, 1e3, 1.5E-3, .5, 5., 1_0.0_1, 0.0, 00, 0e0)
print(123456789012345678901234567890, 0xffffffffffffffffffff, 1_2_3)
x = 3 \
    + 4
print(x)
y = (1 +
     2 +
     3)
z = [1,
     2,
     3,]
print(y, z, {"a":
     1})
s = "abc" "def" 'ghi'
print(s, r"raw\n", b"bytes", rb"\x00", len(b"\x00\x01"), """triple
quoted""", '''single
triple''')
print("esc: \t|\\|\'|\"|\x41|\101|\u00e9|\N{BULLET}")
print(f"{1+1}" f"{'x'}", F"upper", fr"raw{1}\n")
