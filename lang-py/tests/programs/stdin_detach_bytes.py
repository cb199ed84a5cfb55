# Reading standard input as bytes through sys.stdin.detach(), as
# revcomp-style programs do, and os.cpu_count().
import os
import sys

print(os.cpu_count() >= 1)
raw = sys.stdin.detach()
data = raw.read()
table = bytes.maketrans(b'ACGT', b'TGCA')
for line in data.split(b'\n'):
    if line.startswith(b'>'):
        sys.stdout.buffer.write(line + b'\n')
    elif line:
        out = bytearray(line.translate(table)[::-1])
        out += b'\n'
        sys.stdout.buffer.write(out)
