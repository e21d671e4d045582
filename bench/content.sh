#!/usr/bin/env bash
# What files' content costs the pre-commit hook: `git charter pre-commit` on 5 staged files
# (~200 lines of this repository's Rust each) with (a) the default charter, (b) one team policy
# that asks for nothing, (c) the same plus one whose METADATA asks `needs: [content, parsed]` for
# every file. (a) is what a hook with no such policy pays; (b) → (c) is the cost of content. With
# BENCH_BASE set to an older git-charter binary, (a) is also timed on it, alternated, to show that
# a charter without such a policy pays nothing for the feature. Medians of wall time per run.
#
# Usage: bench/content.sh [RUNS]   (default 30)
#   BENCH_BIN   a git-charter binary to measure instead of building this checkout
#   BENCH_BASE  an older binary to compare case (a) with
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
if [ -n "${BENCH_BIN:-}" ]; then
  bin=$(realpath "$BENCH_BIN")
else
  cargo build --release --locked --quiet
  . bench/target-dir.sh
  bin=$(target_dir "$PWD")/release/git-charter
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
git init -q -b main "$repo"
git -C "$repo" config user.name Bench
git -C "$repo" config user.email bench@example.com
echo "# bench" > "$repo/README.md"
git -C "$repo" add README.md
git -C "$repo" commit -q --no-verify -m "Start the bench repository"
for i in 1 2 3 4 5; do head -200 src/policy/mod.rs > "$repo/f$i.rs"; done
git -C "$repo" add .
mkdir -p "$work/off"
cat > "$work/off/plain.rego" <<'REGO'
# METADATA
# title: t
# custom:
#   id: BENCH-PLAIN-001
#   severity: low
package bench.plain

warn contains "x" if {
	some f in input.files
	f.path == "never-there"
}
REGO
cat > "$work/off/needs.rego" <<'REGO'
# METADATA
# title: t
# custom:
#   id: BENCH-NEEDS-001
#   severity: low
#   needs: [content, parsed]
package bench.needs

warn contains "x" if {
	some f in input.files
	contains(f.content.text, "never-there")
}
REGO
python3 - "$bin" "${BENCH_BASE:-}" "$repo" "$work/off" "$runs" <<'PY'
import os, shutil, statistics, subprocess, sys, time
binary, base, repo, off, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
pol = os.path.join(repo, ".charter", "policies")
def setup(case):
    shutil.rmtree(os.path.join(repo, ".charter"), ignore_errors=True)
    if case in ("b", "c"):
        os.makedirs(pol)
        shutil.copy(os.path.join(off, "plain.rego"), pol)
    if case == "c":
        shutil.copy(os.path.join(off, "needs.rego"), pol)
def once(b):
    s = time.perf_counter()
    subprocess.run([b, "pre-commit", "-q"], cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - s) * 1000
cases = [("a", binary, "default charter")]
if base:
    cases.insert(0, ("a", os.path.realpath(base), "default charter, BENCH_BASE"))
cases += [("b", binary, "+ a team policy asking for nothing"), ("c", binary, "+ one asking needs: [content, parsed]")]
times = {i: [] for i in range(len(cases))}
for _ in range(runs):
    for i, (case, b, _) in enumerate(cases):
        setup(case)
        once(b)  # warm
        times[i].append(once(b))
for i, (case, b, what) in enumerate(cases):
    print(f"({case}) {what:42} median {statistics.median(times[i]):6.1f} ms")
PY
