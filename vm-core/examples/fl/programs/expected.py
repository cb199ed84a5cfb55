#!/usr/bin/env python3
"""Writes P.fl.out for FL programs by running them with CPython.

FL is a Python subset, so a program runs as Python once its `rpn` lines
are translated to Python functions (an independent implementation of RPN's
semantics). Usage: python3 expected.py FILE.fl ...
"""
import re
import subprocess
import sys

RPN = re.compile(r"^(\s*)rpn\s+(\w+)\s*\(([^)]*)\)\s*:(.*)$")


def translate_rpn(m):
    indent, name, params, body = m.groups()
    params = [p.strip() for p in params.split(",") if p.strip()]
    out = [f"{indent}def {name}({', '.join(params)}):", f"{indent}    _s = []"]
    ops = {"+": "a + b", "-": "a - b", "*": "a * b", "<": "a < b"}
    for tok in body.split("#")[0].split():
        i = indent + "    "
        if tok in ops:
            out.append(f"{i}b = _s.pop(); a = _s.pop(); _s.append({ops[tok]})")
        elif tok == "dup":
            out.append(f"{i}_s.append(_s[-1])")
        elif tok == "swap":
            out.append(f"{i}_s[-1], _s[-2] = _s[-2], _s[-1]")
        elif tok == "drop":
            out.append(f"{i}_s.pop()")
        elif tok in params:
            out.append(f"{i}_s.append({tok})")
        elif "/" in tok:
            callee, n = tok.split("/")
            n = int(n)
            if n == 0:
                out.append(f"{i}_s.append({callee}())")
            else:
                out.append(f"{i}_a = _s[-{n}:]; del _s[-{n}:]; _s.append({callee}(*_a))")
        else:
            out.append(f"{i}_s.append({tok})")
    out.append(f"{indent}    return _s[-1]")
    return "\n".join(out)


def to_python(src):
    lines = [RPN.sub(translate_rpn, line) for line in src.split("\n")]
    prelude = "import sys\nsys.setrecursionlimit(10 ** 7)\n"
    return prelude + "\n".join(lines)


def main():
    for path in sys.argv[1:]:
        with open(path) as f:
            py = to_python(f.read())
        r = subprocess.run([sys.executable, "-c", py], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"{path}: python3 failed:\n{r.stderr}", file=sys.stderr)
            continue
        with open(path + ".out", "w") as f:
            f.write(r.stdout)
        print(f"{path}.out written")


if __name__ == "__main__":
    main()
