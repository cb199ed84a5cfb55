#!/usr/bin/env python3
"""CPU time (user + sys, from wait4) of the php_* benchmarks of suite.json.

The machine polyvm is measured on is shared and noisy, so wall times (what
harness.py reports) move by tens of percent between runs; CPU times move
far less. For each benchmark this runs, interleaved, N times each: polyvm
with the JIT built at BASE (e.g. a copy of an older release binary), the
current release binary with and without the JIT, and php; it checks each
run's output and prints a markdown table of mean CPU seconds and php/polyvm
ratios (> 1: polyvm is faster), then the geometric means.

    benches/php/cpu_times.py N BASE_BINARY [NAME ...]
"""

import json
import math
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NEW = os.path.join(ROOT, "target", "release", "polyvm")


def cpu(cmd, expect):
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read()
    _, _, ru = os.wait4(p.pid, 0)
    return ru.ru_utime + ru.ru_stime, expect is None or out.decode("latin-1") == expect


def main():
    n, base, names = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    with open(os.path.join(ROOT, "benches", "suite.json")) as f:
        suite = json.load(f)
    benches = suite if isinstance(suite, list) else suite["benchmarks"]
    names = names or [b["name"] for b in benches if b["name"].startswith("php_")]
    ratios = {"base": [], "new": [], "nojit": []}
    print("| benchmark | php | base jit | jit | no-jit | base jit vs php | jit vs php | no-jit vs php |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for b in benches:
        if b["name"] not in names:
            continue
        v, expect = b["variants"], b.get("expect")
        sub = lambda cmd, binary: [binary if c == "{polyvm}" else c for c in cmd]
        cmds = {"base": sub(v["jit"], base), "new": sub(v["jit"], NEW),
                "nojit": sub(v["no-jit"], NEW), "php": v["php"]}
        times, wrong = {k: [] for k in cmds}, set()
        for _ in range(n):
            for k, c in cmds.items():
                t, ok = cpu(c, expect)
                times[k].append(t)
                if not ok:
                    wrong.add(k)
        m = {k: statistics.mean(t) for k, t in times.items()}
        for k in ratios:
            ratios[k].append(m["php"] / m[k])
        note = " (wrong output: %s)" % ", ".join(sorted(wrong)) if wrong else ""
        print("| %s | %.3f | %.3f | %.3f | %.3f | %.2fx | %.2fx | %.2fx |%s" % (
            b["name"], m["php"], m["base"], m["new"], m["nojit"],
            ratios["base"][-1], ratios["new"][-1], ratios["nojit"][-1], note), flush=True)
    g = {k: math.exp(sum(map(math.log, r)) / len(r)) for k, r in ratios.items()}
    print("| geometric mean (%d) | | | | | %.2fx | %.2fx | %.2fx |" % (
        len(ratios["new"]), g["base"], g["new"], g["nojit"]))


if __name__ == "__main__":
    main()
