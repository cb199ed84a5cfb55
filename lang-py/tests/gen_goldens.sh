#!/bin/sh
# Regenerates the goldens of tests/programs/*.py from CPython 3.11.
# Usage: tests/gen_goldens.sh [NAME.py ...]
# A program reads NAME.py.in as its standard input when there is one.
set -e
cd "$(dirname "$0")/programs"
DIR="$(pwd)"
PY="${PYTHON:-python3}"
files="$*"
[ -z "$files" ] && files=$(ls *.py | grep -v "^_")
for f in $files; do
  set +e
  input=/dev/null
  [ -f "$f.in" ] && input="$f.in"
  "$PY" "$DIR/$f" < "$input" > "$f.out.tmp" 2> "$f.err.tmp"
  code=$?
  set -e
  sed "s#$DIR#\$DIR#g" "$f.out.tmp" > "$f.out"
  sed "s#$DIR#\$DIR#g" "$f.err.tmp" > "$f.err"
  rm -f "$f.out.tmp" "$f.err.tmp"
  [ -s "$f.err" ] || rm -f "$f.err"
  if [ "$code" != 0 ]; then echo "$code" > "$f.code"; else rm -f "$f.code"; fi
done
