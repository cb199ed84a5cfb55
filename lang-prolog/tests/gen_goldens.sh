#!/bin/sh
# Regenerates the goldens of tests/programs from the real SWI-Prolog.
# Usage: tests/gen_goldens.sh [NAME.pl ...]   (default: every program)
# Runs `swipl -q -t halt FILE` (or `swipl -q -g GOAL -t halt FILE` when
# FILE.goal exists) from the programs directory with stdin FILE.in (empty
# when absent); keeps
# FILE.err only when stderr is non-empty, FILE.code only when non-zero.
set -e
cd "$(dirname "$0")/programs"
DIR="$(pwd -P)"
[ $# -eq 0 ] && set -- *.pl
for f in "$@"; do
    input=/dev/null; [ -f "$f.in" ] && input="$f.in"
    if [ -f "$f.goal" ]; then
        set +e; swipl -q -g "$(cat "$f.goal")" -t halt "$f" > "$f.out" 2> "$f.err.tmp" < "$input"; code=$?; set -e
    else
        set +e; swipl -q -t halt "$f" > "$f.out" 2> "$f.err.tmp" < "$input"; code=$?; set -e
    fi
    sed "s#$DIR/#<DIR>/#g" "$f.err.tmp" > "$f.err"; rm -f "$f.err.tmp"
    [ -s "$f.err" ] || rm -f "$f.err"
    if [ "$code" -ne 0 ]; then echo "$code" > "$f.code"; else rm -f "$f.code"; fi
done
