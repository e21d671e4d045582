#!/usr/bin/env bash
# `git charter report` speed over a real history: cold (no records kept: every commit judged) and
# warm (the records kept under .git/charter/cache/ by the cold run), next to `git log --numstat`
# over the same commits (every commit's diff read once: the floor for anything that looks at each
# change), all in one run, with the ratios. Also checks that the warm report is byte-identical to
# the cold one.
#
#   bench/report.sh REPO [COMMITS] [WARM_RUNS]   defaults: the newest 10000 commits of HEAD, 3 warm runs
#
# REPO is any local clone (e.g. `git clone https://github.com/prettier/prettier`); it is not changed
# but for the report cache under its .git/charter/cache/, which the cold run deletes first.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="${1:?usage: bench/report.sh REPO [COMMITS] [WARM_RUNS]}"
want="${2:-10000}"
warm_runs="${3:-3}"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1

cargo build --release --locked --quiet --bin git-charter
. bench/target-dir.sh
bin="$(target_dir "$PWD")/release/git-charter"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

total="$(git -C "$repo" rev-list --count HEAD)"
if [ "$total" -gt "$want" ]; then
  base="$(git -C "$repo" rev-list HEAD | sed -n "$((want + 1))p")"
  range="$base..HEAD"
else
  range="HEAD"
fi
commits="$(git -C "$repo" rev-list --count "$range")"
echo "repository: $repo, range $range: $commits commits ($(git -C "$repo" rev-list --merges --count "$range") merges); $(nproc) cores"

secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }

start=$(date +%s.%N)
git -C "$repo" log --numstat --format=%H "$range" > /dev/null
floor="$(secs "$start" "$(date +%s.%N)")"
echo "git log --numstat: ${floor}s"

rm -f "$repo"/.git/charter/cache/report-*.json
start=$(date +%s.%N)
"$bin" -C "$repo" report --range "$range" --format json > "$work/cold.json"
cold="$(secs "$start" "$(date +%s.%N)")"
echo "report, cold (every commit judged): ${cold}s"

best=""
for i in $(seq "$warm_runs"); do
  start=$(date +%s.%N)
  "$bin" -C "$repo" report --range "$range" --format json > "$work/warm.json"
  t="$(secs "$start" "$(date +%s.%N)")"
  echo "report, warm run $i (records kept): ${t}s"
  cmp -s "$work/cold.json" "$work/warm.json" || { echo "!! the warm report differs from the cold one" >&2; exit 1; }
  if [ -z "$best" ] || python3 -c "import sys; sys.exit(not float(sys.argv[1]) < float(sys.argv[2]))" "$t" "$best"; then best="$t"; fi
done
python3 - "$commits" "$floor" "$cold" "$best" <<'PY'
import sys
n, floor, cold, warm = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"summary: {n} commits; cold {cold:.2f}s ({n / cold:.0f} commits/s, {cold / floor:.1f}x git log --numstat); "
      f"warm best {warm:.2f}s ({warm / floor:.2f}x git log --numstat); goal: 10,000 commits in <= 5 s")
PY
