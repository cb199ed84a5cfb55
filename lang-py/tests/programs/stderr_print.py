import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
sys.stderr.write("err written\n")
print("a", "b", sep="-", end="!\n")
print()
print(*[1, 2, 3], sep=", ")
