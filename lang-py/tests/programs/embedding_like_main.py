"""A script structured like a real program: constants, helpers, a main guard."""
import sys

VERSION = (1, 2, 0)

def parse_args(argv):
    opts = {"verbose": False, "files": []}
    for a in argv:
        if a in ("-v", "--verbose"):
            opts["verbose"] = True
        else:
            opts["files"].append(a)
    return opts

def summarize(words):
    stats = {"count": len(words), "longest": max(words, key=len) if words else None}
    stats["average"] = round(sum(map(len, words)) / len(words), 2) if words else 0
    return stats

def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    opts = parse_args(argv)
    words = "a quick brown fox jumps over the lazy dog".split()
    s = summarize(words)
    print("version %d.%d.%d" % VERSION)
    for k in sorted(s):
        print(f"{k:>8}: {s[k]}")
    print(opts)
    return 0

if __name__ == "__main__":
    sys.exit(main(["-v", "x.txt"]))
