#!/usr/bin/env python3
"""CPU seconds (user + sys, from wait4) of the van Roy programs of
suite.json: SWI-Prolog, and polyvm BIN with the JIT on each engine
(POLYVM_PL_META=0: the older engine; 1: the clause-level engine, the
default; POLYVM_PL_ENGINE=store: the term-store engine), run side by side
program by program, the best of ROUNDS. Prints a markdown table of seconds
and SWI/polyvm ratios (> 1: polyvm is faster), the peak RSS of SWI and the
store engine (MB), and the geometric means over all programs and over
issue 5's six.

    benches/prolog/cpu_times.py BIN [ROUNDS]
"""
import json, math, os, subprocess, sys
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
bin_, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1
s = json.load(open(os.path.join(ROOT, 'benches/suite.json')))
b = s if isinstance(s, list) else s['benchmarks']
def cpu(cmd, env=None):
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read()
    _, _, ru = os.wait4(p.pid, 0)
    return ru.ru_utime + ru.ru_stime, out, ru.ru_maxrss / 1024
print('| program | SWI | older engine | clause-level | store | older vs SWI | clause-level vs SWI | store vs SWI | RSS SWI | RSS store |')
print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
rows = []
for x in b:
    if not x['name'].startswith('pl_'): continue
    g = x['variants']['jit'][-1]; f = x['variants']['jit'][2]
    t = {'swi': [], 'm0': [], 'm1': [], 'st': []}
    rss = {'swi': 0, 'st': 0}
    for _ in range(rounds):
        c, _, m = cpu(['swipl', '-q', '-g', g, '-t', 'halt', f])
        t['swi'].append(c); rss['swi'] = max(rss['swi'], m)
        for m in ('0', '1', 'st'):
            if m == 'st':
                env = dict(os.environ, POLYVM_PL_ENGINE='store')
            else:
                env = dict(os.environ, POLYVM_PL_META=m)
            c, out, mem = cpu([bin_, 'run', f, '-g', g], env)
            if b'done' not in out: c = float('nan')
            if m == 'st': rss['st'] = max(rss['st'], mem)
            t[m if m == 'st' else 'm' + m].append(c)
    r = {k: min(v) for k, v in t.items()}
    rows.append((x['name'][3:], r))
    print('| %s | %.2f | %.2f | %.2f | %.2f | %.3fx | %.3fx | %.3fx | %.0f | %.0f |' % (x['name'][3:], r['swi'], r['m0'], r['m1'], r['st'], r['swi']/r['m0'], r['swi']/r['m1'], r['swi']/r['st'], rss['swi'], rss['st']), flush=True)
def gm(k):
    return math.exp(sum(math.log(r['swi']/r[k]) for _, r in rows)/len(rows))
six = ['nreverse','tak','queens_8','crypt','qsort','boyer']
def gm6(k):
    rr = [r for n, r in rows if n in six]
    return math.exp(sum(math.log(r['swi']/r[k]) for r in rr)/len(rr))
print('| geomean (25) | | | | | %.3fx | %.3fx | %.3fx | | |' % (gm('m0'), gm('m1'), gm('st')))
print('| geomean (six) | | | | | %.3fx | %.3fx | %.3fx | | |' % (gm6('m0'), gm6('m1'), gm6('st')))
