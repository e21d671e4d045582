#!/usr/bin/env bash
# Whole-process time of `git charter pre-commit` on a repository with 5 staged files of ~200 lines
# each (one planted key), side by side with ripsecrets on the same files, as a ratio.
# Usage: bench/precommit.sh [RUNS]   (needs hyperfine; installs ripsecrets with cargo if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
tools=${BENCH_TOOLS:-$PWD/bench/work/tools}
mkdir -p "$tools"

cargo build --release --locked --quiet
. bench/target-dir.sh
bin=$(target_dir "$PWD")/release/git-charter

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "hyperfine not found: apt-get install -y hyperfine" >&2
  exit 2
fi
ripsecrets=$(command -v ripsecrets || true)
if [ -z "$ripsecrets" ] && [ -x "$tools/bin/ripsecrets" ]; then ripsecrets=$tools/bin/ripsecrets; fi
if [ -z "$ripsecrets" ]; then
  echo "installing ripsecrets from crates.io into $tools ..." >&2
  if cargo install ripsecrets --locked --quiet --root "$tools" >&2; then ripsecrets=$tools/bin/ripsecrets; else
    echo "ripsecrets could not be installed; measuring git-charter alone" >&2
  fi
fi

repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
git -C "$repo" init -q -b main
git -C "$repo" config user.name Bench; git -C "$repo" config user.email bench@example.com
# Realistic source: slices of real Rust files from the cargo registry (fallback: this repository's src).
src_pool=$(find ~/.cargo/registry/src -name '*.rs' -size +12k 2>/dev/null | head -200 || true)
[ -n "$src_pool" ] || src_pool=$(find src -name '*.rs')
i=0
for f in $(echo "$src_pool" | shuf -n 5 --random-source=<(yes)); do
  i=$((i+1))
  mkdir -p "$repo/src/m$i"
  head -n 200 "$f" > "$repo/src/m$i/file$i.rs"
done
printf 'const KEY: &str = "AKIA%s";\n' "Z7QW3LRT5XKP2M4N" >> "$repo/src/m1/file1.rs"
git -C "$repo" add -A
files=$(git -C "$repo" diff --cached --name-only | sed "s|^|$repo/|" | tr '\n' ' ')
echo "staged: $(git -C "$repo" diff --cached --numstat | awk '{s+=$1} END {print NR" files, "s" lines"}')"

cmds=(-n git-charter "$bin -C $repo pre-commit --quiet")
if [ -n "$ripsecrets" ]; then
  cmds+=(-n ripsecrets "$ripsecrets $files")
fi
# -N: no intermediate shell; -i: both tools exit non-zero on the planted key, which is the point.
hyperfine -N -i --warmup 5 --runs "$runs" --export-json "$repo/h.json" "${cmds[@]}" >&2
python3 - "$repo/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
gc = r["git-charter"]
print(f"git-charter pre-commit: median {gc['median']*1000:.1f} ms (mean {gc['mean']*1000:.1f} ± {gc['stddev']*1000:.1f} ms)")
for name, x in r.items():
    if name == "git-charter":
        continue
    print(f"{name}: median {x['median']*1000:.1f} ms; ratio {name}/git-charter = {x['median']/gc['median']:.2f}x")
PY
