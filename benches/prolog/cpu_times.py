#!/usr/bin/env python3
"""CPU seconds (user + sys, from wait4) of the van Roy programs of
suite.json: SWI-Prolog, and polyvm BIN with the JIT on each engine
(POLYVM_PL_META=0: the older engine; 1: the clause-level engine, the
default), run side by side program by program, the best of ROUNDS. Prints a
markdown table of seconds and SWI/polyvm ratios (> 1: polyvm is faster) and
the geometric means over all programs and over issue 5's six.

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
    return ru.ru_utime + ru.ru_stime, out
print('| program | SWI | older engine | clause-level | older vs SWI | clause-level vs SWI |')
print('|---|---:|---:|---:|---:|---:|')
rows = []
for x in b:
    if not x['name'].startswith('pl_'): continue
    g = x['variants']['jit'][-1]; f = x['variants']['jit'][2]
    t = {'swi': [], 'm0': [], 'm1': []}
    for _ in range(rounds):
        t['swi'].append(cpu(['swipl', '-q', '-g', g, '-t', 'halt', f])[0])
        for m in ('0', '1'):
            env = dict(os.environ, POLYVM_PL_META=m)
            c, out = cpu([bin_, 'run', f, '-g', g], env)
            if b'done' not in out: c = float('nan')
            t['m' + m].append(c)
    r = {k: min(v) for k, v in t.items()}
    rows.append((x['name'][3:], r))
    print('| %s | %.2f | %.2f | %.2f | %.3fx | %.3fx |' % (x['name'][3:], r['swi'], r['m0'], r['m1'], r['swi']/r['m0'], r['swi']/r['m1']), flush=True)
def gm(k):
    return math.exp(sum(math.log(r['swi']/r[k]) for _, r in rows)/len(rows))
six = ['nreverse','tak','queens_8','crypt','qsort','boyer']
def gm6(k):
    rr = [r for n, r in rows if n in six]
    return math.exp(sum(math.log(r['swi']/r[k]) for r in rr)/len(rr))
print('| geomean (25) | | | | %.3fx | %.3fx |' % (gm('m0'), gm('m1')))
print('| geomean (six) | | | | %.3fx | %.3fx |' % (gm6('m0'), gm6('m1')))
