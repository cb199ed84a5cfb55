#!/bin/sh
# Writes goldens for tests/programs/*.php from the real php (8.2):
# NAME.php.out, and NAME.php.err / NAME.php.code when non-empty / non-zero.
# Usage: tests/gen_goldens.sh [NAME.php ...]   (default: programs without a golden)
cd "$(dirname "$0")/programs" || exit 1
DIR=$(pwd -P)
if [ $# -eq 0 ]; then
  set -- $(for f in *.php; do [ -e "$f.out" ] || echo "$f"; done)
fi
for f in "$@"; do
  f=$(basename "$f")
  php "$DIR/$f" > "$f.out.tmp" 2> "$f.err.tmp" < /dev/null
  code=$?
  sed "s#$DIR#%DIR%#g" "$f.out.tmp" > "$f.out"
  sed "s#$DIR#%DIR%#g" "$f.err.tmp" > "$f.err"
  rm -f "$f.out.tmp" "$f.err.tmp"
  [ -s "$f.err" ] || rm -f "$f.err"
  if [ "$code" -ne 0 ]; then echo "$code" > "$f.code"; else rm -f "$f.code"; fi
done
