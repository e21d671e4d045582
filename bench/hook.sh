#!/usr/bin/env bash
# What the hooks cost a whole commit: `git commit` with the native hooks (`git charter install`)
# against `git commit --no-verify`, alternated run by run in one loop, on a repository with 5 staged
# files of ~1,000 lines of real Rust (copied at run time from the cargo registry; nothing is
# committed here), the default charter, a release build. Between commits the analysis pre-commit
# leaves for commit-msg (.git/charter/cache/hooks.json) is removed, and the compiled policies
# (policies.bin, kept across commits in use) stay. Then each stage alone (`pre-commit`, `commit-msg`
# with and without pre-commit's analysis, pre-commit's first run with no cache at all), `--version`
# (the floor: process start-up) and ripsecrets on the same files. Wall times are medians; user+sys CPU
# time per run (getrusage of the children) is printed next to them, as it is less noisy on a loaded
# machine, and with CALLGRIND=1 the instructions each stage executes (valgrind; load-independent).
#
# Usage: bench/hook.sh [RUNS]   (default 30; RUNS commits of each kind, alternated)
#   CALLGRIND=1   also count instructions per stage with valgrind --tool=callgrind
#   BENCH_TOOLS   where ripsecrets is installed if missing (default bench/work/tools)
#   BENCH_BIN     a git-charter binary to measure instead of building this checkout
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
tools=${BENCH_TOOLS:-$PWD/bench/work/tools}
mkdir -p "$tools"

if [ -n "${BENCH_BIN:-}" ]; then
  bin=$(realpath "$BENCH_BIN")
else
  cargo build --release --locked --quiet
  . bench/target-dir.sh
  bin=$(target_dir "$PWD")/release/git-charter
fi
ripsecrets=$(command -v ripsecrets || true)
if [ -z "$ripsecrets" ] && [ -x "$tools/bin/ripsecrets" ]; then ripsecrets=$tools/bin/ripsecrets; fi
if [ -z "$ripsecrets" ]; then
  echo "installing ripsecrets from crates.io into $tools ..." >&2
  if cargo install ripsecrets --locked --quiet --root "$tools" >&2; then ripsecrets=$tools/bin/ripsecrets; else
    echo "ripsecrets could not be installed; measuring git-charter alone" >&2
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
git init -q -b main "$repo"
git -C "$repo" config user.name Bench
git -C "$repo" config user.email bench@example.com
git -C "$repo" config commit.gpgsign false
echo "# bench" > "$repo/README.md"
git -C "$repo" add README.md
git -C "$repo" commit -q --no-verify -m "Start the bench repository"
base=$(git -C "$repo" rev-parse HEAD)

# Real source: the first 1,000 lines of 5 Rust files of at least 1,000 lines from the cargo
# registry, each from another crate, the same 5 on every run of this script on the same registry
# (sorted, then a fixed shuffle).
pool=$(find ~/.cargo/registry/src -name '*.rs' -size +30k 2>/dev/null | sort | head -400 || true)
picked=0
seen=" "
for f in $(echo "$pool" | shuf --random-source=<(yes)); do
  [ "$(wc -l < "$f")" -ge 1000 ] || continue
  crate=$(echo "$f" | sed 's|.*/registry/src/[^/]*/\([^/]*\)-[0-9][^/]*/.*|\1|')
  case "$seen" in *" $crate "*) continue ;; esac
  seen="$seen$crate "
  picked=$((picked+1))
  mkdir -p "$repo/src/m$picked"
  head -n 1000 "$f" > "$repo/src/m$picked/file$picked.rs"
  echo "  $f" >&2
  [ "$picked" -lt 5 ] || break
done
if [ "$picked" -lt 5 ]; then
  echo "fewer than 5 Rust files of 1,000 lines under ~/.cargo/registry/src: run a cargo build first" >&2
  exit 2
fi
git -C "$repo" add -A
echo "staged: $(git -C "$repo" diff --cached --numstat | awk '{s+=$1} END {print NR" files, "s" lines"}')"

# The shims run `git-charter` from PATH, as after `cargo install` (GIT_CHARTER_BIN would add a
# `--version` check per hook).
mkdir -p "$work/bin"
ln -s "$bin" "$work/bin/git-charter"
export PATH="$work/bin:$PATH"
"$bin" -C "$repo" install --quiet >/dev/null
printf 'Add the bench sources\n\nFive files of real Rust to commit.\n' > "$work/msg"
# The hooks must let this commit through, or the timings would be of a refusal.
if ! (cd "$repo" && git commit -q -F "$work/msg" >"$work/first.log" 2>&1); then
  echo "the hooks refused the bench commit:" >&2
  cat "$work/first.log" >&2
  exit 2
fi
git -C "$repo" reset -q --soft "$base"

python3 - "$repo" "$bin" "$runs" "$work/msg" "$ripsecrets" <<'PY'
import os, resource, shutil, statistics, subprocess, sys, time
repo, bin_, runs, msg, ripsecrets = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
base = subprocess.check_output(["git", "-C", repo, "rev-parse", "HEAD"], text=True).strip()
files = subprocess.check_output(["git", "-C", repo, "diff", "--cached", "--name-only"], text=True).split()
cache = os.path.join(repo, ".git", "charter")
# What one commit's hooks leave for the same commit (the analysis of its staged change); the compiled
# policies (policies.bin) are kept from one commit to the next, as they are in use, and removed
# only for the "first run" stage.
analysis = os.path.join(cache, "cache", "hooks.json")
def forget_analysis():
    try:
        os.remove(analysis)
    except FileNotFoundError:
        pass

def run(cmd, ok=(0,)):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in ok:
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr.decode()}")
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu

def reset():
    # Untimed: the same staged change, on the same parent, before every commit; no analysis left
    # from the last one (a new change would not match it anyway).
    subprocess.run(["git", "-C", repo, "reset", "-q", "--soft", base], check=True)
    forget_analysis()

kinds = {
    "git commit (hooks)": ["git", "commit", "-q", "-F", msg],
    "git commit --no-verify": ["git", "commit", "-q", "--no-verify", "-F", msg],
}
times = {k: [] for k in kinds}
for _ in range(3):  # warm-up: page cache, the binary
    for cmd in kinds.values():
        reset(); run(cmd)
for _ in range(runs):
    for name, cmd in kinds.items():  # alternated, so both see the same load
        reset(); times[name].append(run(cmd))
reset()

stages = {
    "pre-commit": ([bin_, "pre-commit"], "forget"),
    "commit-msg (no analysis cached)": ([bin_, "commit-msg", msg], "forget"),
    "commit-msg (after pre-commit)": ([bin_, "commit-msg", msg], "pre-commit"),
    "pre-commit, first run (no cache)": ([bin_, "pre-commit"], "clear"),
    "--version": ([bin_, "--version"], None),
}
if ripsecrets:
    stages["ripsecrets (same files)"] = ([ripsecrets] + files, None)
stimes = {k: [] for k in stages}
for _ in range(runs):
    for name, (cmd, before) in stages.items():
        if before == "clear":
            shutil.rmtree(cache, ignore_errors=True)
        elif before == "forget":
            forget_analysis()
        elif before == "pre-commit":
            forget_analysis()
            run([bin_, "pre-commit"], ok=(0, 1))
        stimes[name].append(run(cmd, ok=(0, 1)))
shutil.rmtree(cache, ignore_errors=True)

med = lambda xs: statistics.median(xs) * 1000
def line(name, xs):
    w, c = med([x[0] for x in xs]), med([x[1] for x in xs])
    print(f"  {name:34} wall median {w:7.1f} ms   user+sys median {c:7.1f} ms")
    return w, c
print(f"{runs} runs of each, alternated ({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})")
h = line("git commit (hooks)", times["git commit (hooks)"])
n = line("git commit --no-verify", times["git commit --no-verify"])
print(f"  hook time (difference)             wall {h[0]-n[0]:7.1f} ms   user+sys {h[1]-n[1]:7.1f} ms")
print(f"  ratio hooks / --no-verify          wall {h[0]/n[0]:7.2f}x     user+sys {h[1]/max(n[1],1e-6):7.2f}x")
print("each stage alone:")
res = {name: line(name, xs) for name, xs in stimes.items()}
if ripsecrets:
    r = res["ripsecrets (same files)"]
    pc = res["pre-commit"]
    print(f"  ratio ripsecrets / pre-commit      wall {r[0]/pc[0]:7.2f}x     user+sys {r[1]/max(pc[1],1e-6):7.2f}x")
PY

if [ "${CALLGRIND:-0}" = 1 ]; then
  echo "instructions (valgrind --tool=callgrind, all threads):"
  count() {
    local out=$work/cg.out
    (cd "$repo" && valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>"$work/cg.log") || true
    sed -n 's/^summary: //p' "$out" | awk '{printf "%.1f M\n", $1/1e6}'
  }
  hooks_json="$repo/.git/charter/cache/hooks.json"
  "$bin" -C "$repo" pre-commit >/dev/null 2>&1 || true  # the compiled policies, kept as in use
  rm -f "$hooks_json"
  echo "  pre-commit                    $(count "$bin" pre-commit)"
  rm -f "$hooks_json"
  echo "  commit-msg (no analysis)      $(count "$bin" commit-msg "$work/msg")"
  rm -f "$hooks_json"; "$bin" -C "$repo" pre-commit >/dev/null 2>&1 || true
  echo "  commit-msg (after pre-commit) $(count "$bin" commit-msg "$work/msg")"
  rm -rf "$repo/.git/charter"
  echo "  pre-commit, first run         $(count "$bin" pre-commit)"
  echo "  --version                     $(count "$bin" --version)"
fi
