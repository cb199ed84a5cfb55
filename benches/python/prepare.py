#!/usr/bin/env python3
"""Turns pyperformance's benchmark programs into plain scripts polyvm runs.

benches/external/python/NAME.orig.py (pyperformance's originals, fetched by
benches/get_external.sh and never committed) become NAME.py beside them. Only
the pyperf harness lines are replaced, each by a plain equivalent:

- `import pyperf` becomes `import sys, time` (one line, so line numbers stay);
- `pyperf.perf_counter` becomes `time.perf_counter`;
- the `if __name__ == "__main__":` block that builds a `pyperf.Runner` and
  calls `bench_func` / `bench_time_func` becomes a plain call of the same
  function with the same arguments, repeated LOOPS times (first command-line
  argument, default 1), followed by one deterministic line that shows the
  answer (the function's result, or the program's own check value).

Everything else is left byte for byte as published. The script fails loudly
if a program no longer has the expected harness lines.

Usage: benches/python/prepare.py [DIR]   (DIR defaults to benches/external/python)
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, "..", "external", "python")

LOOPS = "loops = int(sys.argv[1]) if len(sys.argv) > 1 else 1\n"

# The replacement for each program's `__main__` block: the call pyperf timed,
# with the arguments the original passes, then a line showing the answer.
MAIN = {
    "richards": (
        "    richard = Richards()\n"
        "    for _ in range(loops):\n"
        "        result = richard.run(1)\n"
        "    print(result)\n"
    ),
    "deltablue": (
        "    n = 100\n"
        "    for _ in range(loops):\n"
        "        delta_blue(n)\n"
        "    print(planner.current_mark)\n"
    ),
    "fannkuch": (
        "    arg = DEFAULT_ARG\n"
        "    for _ in range(loops):\n"
        "        result = fannkuch(arg)\n"
        "    print(result)\n"
    ),
    "nbody": (
        "    bench_nbody(loops, DEFAULT_REFERENCE, DEFAULT_ITERATIONS)\n"
        "    print(report_energy())\n"
    ),
    "spectral_norm": (
        "    bench_spectral_norm(loops)\n"
        "    print(sum(eval_AtA_times_u([1] * DEFAULT_N)))\n"
    ),
}


def replace_once(text, old, new, name):
    count = text.count(old)
    if count == 0:
        sys.exit(f"prepare.py: {name}: expected harness line {old!r} not found")
    return text.replace(old, new)


def prepare(name, src):
    text = replace_once(src, "import pyperf\n", "import sys, time\n", name)
    if "pyperf.perf_counter" in text:
        text = text.replace("pyperf.perf_counter", "time.perf_counter")
    for opener in ('if __name__ == "__main__":\n', "if __name__ == '__main__':\n"):
        at = text.find(opener)
        if at >= 0:
            break
    else:
        sys.exit(f"prepare.py: {name}: no __main__ block")
    block = text[at:]
    if "pyperf.Runner(" not in block or "runner.bench_" not in block:
        sys.exit(f"prepare.py: {name}: the __main__ block is not the pyperf harness")
    text = text[:at] + opener + "    " + LOOPS + MAIN[name]
    if any(use in text for use in ("import pyperf", "pyperf.Runner", "pyperf.perf_counter", "runner.")):
        sys.exit(f"prepare.py: {name}: pyperf still used after replacement")
    return text


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR
    for name in MAIN:
        orig = os.path.join(directory, name + ".orig.py")
        if not os.path.exists(orig):
            sys.exit(f"prepare.py: {orig} missing (run benches/get_external.sh)")
        with open(orig) as f:
            src = f.read()
        with open(os.path.join(directory, name + ".py"), "w") as f:
            f.write(prepare(name, src))
    print(f"prepare.py: wrote {len(MAIN)} programs to {os.path.normpath(directory)}")


if __name__ == "__main__":
    main()
