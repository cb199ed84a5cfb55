#!/bin/sh
# Regenerates the goldens of tests/vanroy from the real SWI-Prolog.
# Usage: tests/vanroy/gen_goldens.sh [NAME ...]   (default: every NAME.goal)
# For each NAME.goal, runs `swipl -q -g GOAL -t halt NAME.pl` from
# benches/external/prolog (the van Roy programs, not in the repository; fill
# it with benches/get_external.sh) and keeps NAME.out (stdout) and NAME.err
# (stderr, paths normalised to <DIR>/) when non-empty.
set -e
HERE="$(cd "$(dirname "$0")" && pwd -P)"
cd "$HERE/../../../benches/external/prolog"
DIR="$(pwd -P)"
if [ $# -eq 0 ]; then
    set --
    for g in "$HERE"/*.goal; do set -- "$@" "$(basename "$g" .goal)"; done
fi
for n in "$@"; do
    set +e
    swipl -q -g "$(cat "$HERE/$n.goal")" -t halt "$n.pl" > "$HERE/$n.out" 2> "$HERE/$n.err.tmp" < /dev/null
    code=$?
    set -e
    [ "$code" -eq 0 ] || echo "warning: $n exited with $code" >&2
    sed "s#$DIR/#<DIR>/#g" "$HERE/$n.err.tmp" > "$HERE/$n.err"; rm -f "$HERE/$n.err.tmp"
    [ -s "$HERE/$n.err" ] || rm -f "$HERE/$n.err"
done
