#!/usr/bin/env python3
"""polyvm's benchmark harness.

Runs every variant of every benchmark in fresh processes, interleaved
(variant A, B, C, A, B, C, ...) so machine noise hits all variants alike,
and reports per variant the mean wall time with a 95% confidence interval,
the peak RSS, and the ratio against the benchmark's baseline variant.

Benchmarks are listed in benches/suite.json:

    {"name": "fl_sum", "baseline": "no-jit",
     "variants": {"jit": ["{fl}", "benches/fl/sum.fl"],
                  "no-jit": ["{fl}", "--no-jit", "benches/fl/sum.fl"]},
     "expect": "4999999950000000\\n"}

`{fl}` and `{polyvm}` expand to the release binaries; a variant whose
program is not installed (a peer such as `pypy3` or `php`) is skipped and
reported as such. A benchmark whose `requires` file is absent (third-party
programs under benches/external/, which CI does not have) is skipped. Every
run's stdout is checked against `expect`, so a fast wrong answer never counts.

Peak memory is each child's maximum resident set, from `os.wait4`'s rusage.
A child forked from this (Python) process starts with the harness's own
resident set, which rusage would report as the floor of every peak; so each
command runs under GNU time (`/usr/bin/time -f %M`), whose child is forked
from a small process, when it is installed, and that figure is used.
The table gives, per variant, the time ratio and the peak-RSS ratio against
the baseline; after it, the geometric mean of the time ratios of each variant
over the benchmarks that ran.

Usage: benches/harness.py [-n RUNS] [--only NAME] [--markdown FILE] [NAME ...]
"""

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

PREPARE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python", "prepare.py")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARIES = {
    "{fl}": os.path.join(ROOT, "target", "release", "examples", "fl"),
    "{polyvm}": os.path.join(ROOT, "target", "release", "polyvm"),
}
# Student's t quantiles for a two-sided 95% interval, by degrees of freedom.
T95 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26,
       10: 2.23, 15: 2.13, 20: 2.09, 30: 2.04}


def t95(df):
    best = 1.96
    for k in sorted(T95):
        if df <= k:
            return T95[k]
    return best


def expand(cmd):
    return [BINARIES.get(a, a) for a in cmd]


def available(cmd):
    exe = cmd[0]
    return os.path.exists(exe) if os.sep in exe else shutil.which(exe) is not None


GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run_once(cmd):
    """Runs cmd; returns (seconds, peak RSS in KiB, stdout, exit status)."""
    rss_file = None
    if GNU_TIME:
        rss_file = os.path.join(ROOT, "target", f"harness-rss-{os.getpid()}.txt")
        os.makedirs(os.path.dirname(rss_file), exist_ok=True)
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss
    if rss_file:
        try:
            with open(rss_file) as f:
                peak = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    return elapsed, peak, out.decode("utf-8", "replace"), proc.returncode


def summarize(times):
    mean = statistics.fmean(times)
    if len(times) < 2:
        return mean, float("nan")
    sd = statistics.stdev(times)
    return mean, t95(len(times) - 1) * sd / math.sqrt(len(times))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", "--runs", type=int, default=5)
    ap.add_argument("--only", action="append", help="run only these benchmarks")
    ap.add_argument("--suite", default=os.path.join(ROOT, "benches", "suite.json"))
    ap.add_argument("--markdown", help="also write the table to this file")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("names", nargs="*", help="run only these benchmarks (same as --only)")
    args = ap.parse_args()
    only = (args.only or []) + args.names

    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "vm-core", "--examples"], cwd=ROOT, check=True)
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)

    with open(args.suite) as f:
        suite = json.load(f)

    lines = ["| benchmark | variant | mean (s) | ±95% CI | peak RSS (MiB) | time vs baseline | RSS vs baseline |",
             "|---|---|---:|---:|---:|---:|---:|"]
    failed = False
    speedups = {}  # variant -> [baseline mean / variant mean, per benchmark]
    prepared = False
    for bench in suite:
        if only and bench["name"] not in only:
            continue
        need = bench.get("requires")
        if need and not os.path.exists(os.path.join(ROOT, need)) and not prepared:
            # pyperformance's programs are fetched as NAME.orig.py; make NAME.py.
            prepared = True
            subprocess.run([sys.executable, PREPARE], cwd=ROOT, stdout=subprocess.DEVNULL)
        if need and not os.path.exists(os.path.join(ROOT, need)):
            print(f"{bench['name']}: skipped ({need} absent: run benches/get_external.sh)", file=sys.stderr)
            continue
        variants = {name: expand(cmd) for name, cmd in bench["variants"].items()}
        present = {n: c for n, c in variants.items() if available(c)}
        for n in variants:
            if n not in present:
                print(f"{bench['name']}: {n}: skipped ({variants[n][0]} not installed)", file=sys.stderr)
        times = {n: [] for n in present}
        rss = {n: 0 for n in present}
        for i in range(args.runs):
            for n, cmd in present.items():
                t, peak, out, code = run_once(cmd)
                if code != 0 or ("expect" in bench and out != bench["expect"]):
                    print(f"{bench['name']}: {n}: wrong result (exit {code}): {out[:200]!r}", file=sys.stderr)
                    failed = True
                times[n].append(t)
                rss[n] = max(rss[n], peak)
                print(f"{bench['name']} {n} run {i + 1}: {t:.3f}s", file=sys.stderr)
        base = bench.get("baseline")
        base_mean = summarize(times[base])[0] if base in times else None
        base_rss = rss.get(base)
        for n in present:
            mean, ci = summarize(times[n])
            ratio = f"{base_mean / mean:.2f}x faster" if base_mean else "-"
            mem = f"{rss[n] / base_rss:.2f}x" if base_rss else "-"
            if base_mean:
                speedups.setdefault(n, []).append(base_mean / mean)
            if n == base:
                ratio = mem = "baseline"
            lines.append(f"| {bench['name']} | {n} | {mean:.3f} | {ci:.3f} | {rss[n] / 1024:.1f} | {ratio} | {mem} |")
    if speedups:
        lines.append("")
        lines.append("| variant | benchmarks | geometric mean, time vs baseline |")
        lines.append("|---|---:|---:|")
        for n, xs in speedups.items():
            geo = math.exp(statistics.fmean(math.log(x) for x in xs))
            lines.append(f"| {n} | {len(xs)} | {geo:.2f}x faster |")
    table = "\n".join(lines)
    print(table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
