#!/bin/sh
# Copies the third-party benchmark programs into benches/external/ (ignored by
# git: the project commits no code written by others, only the outputs the
# real implementations print for them).
#
#   benches/get_external.sh [MIRROR_DIR]
#
# MIRROR_DIR holds git snapshots named OWNER+REPO (default /work/.mirror):
#   python+pyperformance   (pyperformance's bm_* programs)
#   SWI-Prolog+bench       (the van Roy set as collected by SWI-Prolog)
# php-src's Zend/bench.php and Zend/micro_bench.php and the Benchmarks Game
# PHP programs are too large a snapshot to fetch whole; put them by hand into
# benches/external/php/ (see benches/README.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mirror=${1:-/work/.mirror}
out=$here/external
mkdir -p "$out/python" "$out/prolog" "$out/php"

py=$mirror/python+pyperformance/repo
if [ -d "$py" ]; then
  for b in richards deltablue fannkuch nbody spectral_norm; do
    git --git-dir="$py" show "HEAD:pyperformance/data-files/benchmarks/bm_$b/run_benchmark.py" \
      >"$out/python/$b.orig.py"
  done
  echo "python: $(ls "$out/python" | wc -l) files"
  # More of pyperformance's programs, run unmodified with the pyperf
  # stand-in of benches/python/pyperf_shim (lang-py/tests/external.rs).
  mkdir -p "$out/python/more"
  for b in $(sed -n 's/^# *\([a-z_0-9]*\)$/\1/p; /^[a-z]/p' "$here/python/more_programs.txt"); do
    git --git-dir="$py" show "HEAD:pyperformance/data-files/benchmarks/bm_$b/run_benchmark.py" \
      >"$out/python/more/$b.py"
  done
  echo "python/more: $(ls "$out/python/more" | wc -l) files"
fi

pl=$mirror/SWI-Prolog+bench/repo
if [ -d "$pl" ]; then
  for f in $(git --git-dir="$pl" ls-tree --name-only HEAD programs/ | grep '\.pl$'); do
    git --git-dir="$pl" show "HEAD:$f" >"$out/prolog/$(basename "$f")"
  done
  echo "prolog: $(ls "$out/prolog" | wc -l) files"
fi
