for a, b in [(12, 10), (255, 15), (-8, 3), (1 << 40, (1 << 40) - 1)]:
    print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(bin(0b1011 & 0b0110), bin(0b1011 | 0b0110), bin(0b1011 ^ 0b0110), (5).bit_length(), (255).bit_length(), (-1).bit_length())
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(n) for n in [0, 1, 7, 255, 2 ** 40 - 1]], (2 ** 40 - 1).bit_count())
mask = 0
for bit in [0, 3, 5]:
    mask |= 1 << bit
print(mask, bin(mask), [b for b in range(8) if mask >> b & 1])
print(-17 >> 2, -17 // 4, 1 << 100, (1 << 100) >> 98, 6 & -6)
