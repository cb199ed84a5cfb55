#!/usr/bin/env python3
"""CPU seconds (user + sys, from wait4) of the van Roy programs of
suite.json: SWI-Prolog and polyvm BIN on a list of engine configurations,
run side by side program by program, the best of ROUNDS. Prints a markdown
table of seconds and SWI/polyvm ratios (> 1: polyvm is faster), the peak
RSS of SWI and of the first configuration (MB), and geometric means over
all programs, over the 25 of sessions 2-12 and over issue 5's six.

    benches/prolog/cpu_times.py BIN [ROUNDS] [CONFIGS]

CONFIGS is a comma-separated list (default `store,store-nojit,clause`):
  store        the default engine (term store), JIT on
  store-nojit  the same with --no-jit
  clause       POLYVM_PL_ENGINE=clause: the clause-level engine on vm-core's
               Meta (the default before session 13), JIT on
  clause-nojit the same with --no-jit (the JIT's effect where it traces)
  older        POLYVM_PL_ENGINE=clause POLYVM_PL_META=0: the helper loop
  base         another build, the binary named by PL_BASE, default engine
               (so a base and a new build run side by side in one run)
PL_SKIP=a,b leaves programs out (e.g. ones an old build cannot finish).
"""
import json, math, os, subprocess, sys
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
bin_ = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
configs = (sys.argv[3] if len(sys.argv) > 3 else 'store,store-nojit,clause').split(',')
CONFIG = {
    'store': ({'POLYVM_PL_ENGINE': 'store'}, []),
    'store-nojit': ({'POLYVM_PL_ENGINE': 'store'}, ['--no-jit']),
    'clause': ({'POLYVM_PL_ENGINE': 'clause', 'POLYVM_PL_META': '1'}, []),
    'clause-nojit': ({'POLYVM_PL_ENGINE': 'clause', 'POLYVM_PL_META': '1'}, ['--no-jit']),
    'older': ({'POLYVM_PL_ENGINE': 'clause', 'POLYVM_PL_META': '0'}, []),
    'base': ({}, []),
}
s = json.load(open(os.path.join(ROOT, 'benches/suite.json')))
b = s if isinstance(s, list) else s['benchmarks']
def cpu(cmd, env=None):
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read()
    _, _, ru = os.wait4(p.pid, 0)
    return ru.ru_utime + ru.ru_stime, out, ru.ru_maxrss / 1024
print('| program | SWI s | ' + ' | '.join(c + ' s' for c in configs) + ' | '
      + ' | '.join(c + ' vs SWI' for c in configs) + ' | RSS SWI | RSS ' + configs[0] + ' |')
print('|---|---:|' + '---:|' * (2 * len(configs)) + '---:|---:|')
rows = []
for x in b:
    if not x['name'].startswith('pl_'): continue
    if x['name'][3:] in os.environ.get('PL_SKIP', '').split(','): continue
    g = x['variants']['jit'][-1]; f = x['variants']['jit'][2]
    t = {k: [] for k in ['swi'] + configs}
    rss = {'swi': 0, 'first': 0}
    for _ in range(rounds):
        c, _, m = cpu(['swipl', '-q', '-g', g, '-t', 'halt', f])
        t['swi'].append(c); rss['swi'] = max(rss['swi'], m)
        for k in configs:
            extra_env, flags = CONFIG[k]
            env = dict(os.environ, **extra_env)
            exe = os.environ['PL_BASE'] if k == 'base' else bin_
            c, out, mem = cpu([exe, 'run'] + flags + [f, '-g', g], env)
            if b'done' not in out: c = float('nan')
            if k == configs[0]: rss['first'] = max(rss['first'], mem)
            t[k].append(c)
    r = {k: min(v) for k, v in t.items()}
    rows.append((x['name'][3:], r))
    print('| %s | %.2f | ' % (x['name'][3:], r['swi'])
          + ' | '.join('%.2f' % r[k] for k in configs) + ' | '
          + ' | '.join('%.3fx' % (r['swi'] / r[k]) for k in configs)
          + ' | %.0f | %.0f |' % (rss['swi'], rss['first']), flush=True)
six = ['nreverse', 'tak', 'queens_8', 'crypt', 'qsort', 'boyer']
new6 = ['det', 'divide10', 'log10', 'ops8', 'times10', 'sieve']
def gm(k, keep):
    rr = [r for n, r in rows if keep(n)]
    return math.exp(sum(math.log(r['swi'] / r[k]) for r in rr) / len(rr)) if rr else float('nan')
for label, keep in (('all %d' % len(rows), lambda n: True),
                    ('the 25 of sessions 2-12', lambda n: n not in new6),
                    ('issue 5\'s six', lambda n: n in six)):
    cells = ['geomean (%s)' % label] + [''] * (1 + len(configs))
    cells += ['%.3fx' % gm(k, keep) for k in configs] + ['', '']
    print('| ' + ' | '.join(cells) + ' |')
