#!/usr/bin/env bash
# Builds and runs every fuzz target (or those named) for SECONDS_PER_TARGET each, then prints
# target / executions / crashes. Not part of CI's time budget.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET[=SECONDS]...]
#
# e.g. `JOBS=2 FUZZ_ARGS=-runs=10000000 fuzz/run.sh 600 baseline message=1200` (stop at ten
# million inputs or the time, whichever comes first).
#
# Environment: JOBS (targets run at once, default 1), FUZZ_TARGET_DIR (cargo's target directory,
# default fuzz/target), FUZZ_SANITIZER (default none: the code is safe Rust, and without ASan a
# target runs several times faster; `address` for the C in libgit2), FUZZ_ARGS (more libFuzzer
# flags), SUMMARY_ONLY (set: run nothing, print the table from the last run's logs), RESULTS
# (a file to write the table to, in Markdown). Seeds come from the repository's own files (fuzz/seeds.py) into fuzz/corpus/<target>;
# crashes go to fuzz/artifacts/<target>; logs to fuzz/logs/<target>.log.
set -euo pipefail

secs=${1:-60}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
target_dir=${FUZZ_TARGET_DIR:-$here/target}
sanitizer=${FUZZ_SANITIZER:-none}
jobs=${JOBS:-1}
# Detectors::analyze spreads a large change set over rayon's pool; one thread per target keeps
# the run at JOBS cores.
export RAYON_NUM_THREADS=1

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list --fuzz-dir "$here")
fi
names=("${targets[@]%%=*}")

if [ -z "${SUMMARY_ONLY:-}" ]; then
python3 "$here/seeds.py" "${names[@]}" >/dev/null
# One build of every target (cargo-fuzz builds one or all).
cargo +nightly fuzz build --fuzz-dir "$here" --sanitizer "$sanitizer" --target-dir "$target_dir"

mkdir -p "$here/logs"
max_len() {
  case $1 in
    content | policy_vm) echo 16384 ;;
    *) echo 8192 ;;
  esac
}

run_one() {
  local t=${1%%=*} secs=$secs
  [[ $1 == *=* ]] && secs=${1#*=}
  local dict=()
  [ -f "$here/dict/$t.dict" ] && dict=("-dict=$here/dict/$t.dict")
  mkdir -p "$here/artifacts/$t" "$here/corpus/$t"
  # shellcheck disable=SC2086
  cargo +nightly fuzz run --fuzz-dir "$here" --sanitizer "$sanitizer" --target-dir "$target_dir" "$t" \
    "$here/corpus/$t" -- -max_total_time="$secs" -print_final_stats=1 -timeout=10 \
    -max_len="$(max_len "$t")" -artifact_prefix="$here/artifacts/$t/" "${dict[@]}" ${FUZZ_ARGS:-} \
    >"$here/logs/$t.log" 2>&1 || true
}

running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait
fi

# The summary: one row per target (executions and exec/s from libFuzzer's final stats; crashes
# are the artifacts left in fuzz/artifacts/<target>, from this run or an earlier one). With
# RESULTS=FILE it is also written there as a Markdown table, with the run's toolchain and machine.
rows=()
for t in "${names[@]}"; do
  log="$here/logs/$t.log"
  if [ ! -f "$log" ]; then
    rows+=("$t - - -")
    continue
  fi
  execs=$(grep -ao 'stat::number_of_executed_units:[[:space:]]*[0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$' || true)
  rate=$(grep -ao 'stat::average_exec_per_sec:[[:space:]]*[0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$' || true)
  crashes=$(find "$here/artifacts/$t" -type f \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'slow-unit-*' \) 2>/dev/null | wc -l || true)
  # No final stats (the run was stopped, or is still going): the last status line's figures.
  if [ -z "$execs" ] || [ "$execs" = '?' ]; then
    execs=$(grep -ao '^#[0-9]*' "$log" | tail -n1 | tr -d '#' || true)
    rate=$(grep -ao 'exec/s: [0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$' || true)
  fi
  rows+=("$t ${execs:-?} ${rate:-?} $crashes")
done
printf '%-12s %15s %10s %8s\n' target executions exec/s crashes
for r in "${rows[@]}"; do
  # shellcheck disable=SC2086
  printf '%-12s %15s %10s %8s\n' $r
done
if [ -n "${RESULTS:-}" ]; then
  {
    echo "Run finished $(date -u '+%Y-%m-%d %H:%M UTC'); $(rustc +nightly -V); $(cargo +nightly fuzz --version)."
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))."
    echo "Command: \`JOBS=$jobs FUZZ_SANITIZER=$sanitizer FUZZ_ARGS='${FUZZ_ARGS:-}' fuzz/run.sh $secs ${targets[*]}\`"
    echo
    echo '| target | executions | exec/s | crashes |'
    echo '|---|---:|---:|---:|'
    for r in "${rows[@]}"; do
      # shellcheck disable=SC2086
      set -- $r
      echo "| $1 | $2 | $3 | $4 |"
    done
  } >"$RESULTS"
fi
