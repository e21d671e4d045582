#!/usr/bin/env bash
# The dependency check on the HELD-OUT set (bench/deps/heldout/{planted,real}.tsv, made by
# bench/deps/heldout/make.py): bench/deps/run.sh's measures -- recall on planted typosquats
# (overall and per kind), false alarms on real dependency additions (count, and per 200 additions),
# share of real additions found `popular` -- per ecosystem and overall, over this directory's files.
#
# Usage: bench/deps/heldout/run.sh [score.py options, e.g. --examples 20]
#   DEPS_EVAL_BIN, DEPS_EVAL_OUT   as for bench/deps/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
DEPS_DATA=bench/deps/heldout exec bash bench/deps/run.sh "$@"
