#!/usr/bin/env bash
# The dependency check on the HELD-OUT set (bench/deps/heldout/{planted,real}.tsv, made by
# bench/deps/heldout/make.py): same measures as bench/deps/run.sh -- recall on planted typosquats
# (overall and per kind), false alarms on real dependency additions (count, and per 200 additions),
# share of real additions found `popular` -- per ecosystem and overall, scored by bench/deps/score.py.
#
# Usage: bench/deps/heldout/run.sh [score.py options, e.g. --examples 20]
#   DEPS_EVAL_BIN   a deps_eval binary to run instead of building this checkout
#   DEPS_EVAL_OUT   where to keep the answers (default: a temporary file, removed afterwards)
set -euo pipefail
cd "$(dirname "$0")/../../.."
data=bench/deps/heldout

if [ -n "${DEPS_EVAL_BIN:-}" ]; then
  bin=$DEPS_EVAL_BIN
else
  cargo build --release --locked --quiet --example deps_eval
  . bench/target-dir.sh
  bin=$(target_dir "$PWD")/release/examples/deps_eval
fi

if [ -n "${DEPS_EVAL_OUT:-}" ]; then
  out=$DEPS_EVAL_OUT
else
  out=$(mktemp)
  trap 'rm -f "$out"' EXIT
fi

# the first two columns of both files, header lines dropped, each pair once
{ tail -n +2 "$data/planted.tsv"; tail -n +2 "$data/real.tsv"; } \
  | cut -f1,2 | LC_ALL=C sort -u | "$bin" > "$out"

python3 bench/deps/score.py "$out" --planted "$data/planted.tsv" --real "$data/real.tsv" "$@"
