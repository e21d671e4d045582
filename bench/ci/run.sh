#!/usr/bin/env bash
# CI speed: commits per second for `git charter ci` over a whole range of >= 1,000 realistic commits.
# Builds a release binary, builds (once, cached under target/bench-ci/) a repository by committing
# vendored crate sources from the local cargo registry in many steps (adds, upgrades, deletions, merges,
# messages with trailers and AI co-authors), then times `ci --range ROOT..HEAD` and `ci --range HEAD`.
#
#   bench/ci/run.sh [COMMITS] [RUNS]      defaults: 1200 (fewer if the registry runs out), 3 runs
#   PACKED=1   judge a packed clone of the repository (as a CI checkout is) instead of the built
#              repository itself, whose objects are loose
#
# Output: one line per run and a summary with the best and median commits/second.
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${1:-1200}"
runs="${2:-3}"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1

registry="$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ 2>/dev/null | head -n1)"
[ -n "$registry" ] || { echo "no cargo registry sources under ${CARGO_HOME:-$HOME/.cargo}/registry/src" >&2; exit 2; }

cargo build --release --quiet --bin git-charter
. bench/target-dir.sh
bin="$(target_dir "$PWD")/release/git-charter"

work="$PWD/target/bench-ci"
repo="$work/repo"
stamp="$work/stamp"
key="$(cat bench/ci/make_repo.py | sha256sum | cut -c1-16)-$target-$(basename "$registry")"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$key" ]; then
  mkdir -p "$work"
  echo "building the benchmark repository ($target commits wanted)..." >&2
  python3 bench/ci/make_repo.py "$registry" "$repo" "$target" >/dev/null
  echo "$key" > "$stamp"
fi

if [ "${PACKED:-0}" = 1 ]; then
  packed="$work/packed"
  if [ ! -d "$packed" ] || [ "$(git -C "$packed" rev-parse HEAD)" != "$(git -C "$repo" rev-parse HEAD)" ]; then
    rm -rf "$packed"
    git clone -q --no-local "$repo" "$packed"
  fi
  repo="$packed"
fi
commits="$(git -C "$repo" rev-list --count HEAD)"
merges="$(git -C "$repo" rev-list --merges --count HEAD)"
root="$(git -C "$repo" rev-list --max-parents=0 HEAD)"
echo "repository: $commits commits ($merges merges), $(git -C "$repo" ls-files | wc -l) files at HEAD, $(du -sh "$repo/.git" | cut -f1) .git ($(git -C "$repo" count-objects -v | sed -n 's/^count: //p') loose objects)"
echo "binary: $bin ($(nproc) cores)"

rates=()
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  set +e
  "$bin" -C "$repo" ci --range HEAD --format json > "$work/report.json"
  code=$?
  set -e
  end=$(date +%s.%N)
  [ "$code" -le 1 ] || { echo "ci failed with exit $code" >&2; exit "$code"; }
  judged="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["commits"])' "$work/report.json")"
  rate="$(python3 -c "print(f'{$judged / ($end - $start):.0f}')")"
  secs="$(python3 -c "print(f'{$end - $start:.2f}')")"
  echo "run $i: $judged commits in ${secs}s = $rate commits/s (exit $code)"
  rates+=("$rate")
done
python3 - "$work/report.json" "${rates[@]}" <<'PY'
import json, statistics, sys
report = json.load(open(sys.argv[1]))
rates = sorted(float(r) for r in sys.argv[2:])
s = report["stats"]
print(f"judged: {report['commits']} commits, {s['files']} changed files, {s['scanned_bytes'] / 1048576:.1f} MiB of added lines, "
      f"{len(report['violations'])} violations")
print(f"ci commits/second: best {rates[-1]:.0f}, median {statistics.median(rates):.0f}")
PY
