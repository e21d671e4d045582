#!/usr/bin/env bash
# The dependency check on its evaluation set: recall on planted typosquats (overall and per kind),
# false alarms on real dependency additions (count, and per 200 additions), and the share of real
# additions found `popular` -- per ecosystem and overall.
#
# Builds the example deps_eval (reads `ecosystem<TAB>name` lines on stdin, prints
# `ecosystem<TAB>name<TAB>status<TAB>resembles<TAB>how` for each), runs it once over the unique
# (ecosystem, name) pairs of bench/deps/data/planted.tsv and real.tsv, and scores the answers with
# bench/deps/score.py. The data comes from bench/deps/eval_data.py (see bench/deps/README.md).
#
# Usage: bench/deps/run.sh [score.py options, e.g. --examples 20]
#   DEPS_EVAL_BIN   a deps_eval binary to run instead of building this checkout
#   DEPS_EVAL_OUT   where to keep the answers (default: a temporary file, removed afterwards)
#   DEPS_DATA       the directory holding planted.tsv and real.tsv (default bench/deps/data;
#                   bench/deps/heldout/run.sh sets bench/deps/heldout)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${DEPS_DATA:-bench/deps/data}

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
