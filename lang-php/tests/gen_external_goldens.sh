#!/bin/sh
# Writes the goldens of tests/external.rs from the real php (8.2), with the
# timing figures masked (`#`): php-src's Zend/bench.php and Zend/micro_bench.php
# (from benches/external/php/, not committed) and the output of each of
# bench.php's sections run alone through benches/php/bench_section.php.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ext=$root/benches/external/php
out=$here/external
mkdir -p "$out"
mask() { sed -E 's/ *-?[0-9][0-9,]*\.[0-9]{3}/ #/g'; }
for b in bench micro_bench; do
  php "$ext/$b.php" | mask > "$out/$b.php.out"
done
: > "$out/bench_sections.out"
for s in simple simplecall simpleucall simpleudcall mandel mandel2 ackermann ary ary2 ary3 \
         fibo hash1 hash2 heapsort matrix nestedloop sieve strcat; do
  echo "== $s" >> "$out/bench_sections.out"
  php "$root/benches/php/bench_section.php" "$s" >> "$out/bench_sections.out"
done
