#!/usr/bin/env bash
# What an agent hook costs each tool call: `git charter agent-hook claude` on Claude Code's own
# payloads, in a repository with 5 staged files of ~1,000 lines of real Rust (copied at run time
# from the cargo registry), the default charter, a release build. Cases: a shell command that is
# neither git nor a write (`ls`), a refused bypass, a proposed `git commit -m` judged over the 5
# staged files, an edit just written (one 1,000-line file), and session start; next to them
# `git charter pre-commit` on the same index and `--version` (process start-up). Medians of wall
# time and of user+sys CPU per run, all cases alternated in one loop.
#
# Usage: bench/agent.sh [RUNS]   (default 30)
#   BENCH_BIN  a git-charter binary to measure instead of building this checkout
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
picked=0
for f in $(find ~/.cargo/registry/src -name '*.rs' -size +30k 2>/dev/null | sort | head -400 | shuf --random-source=<(yes)); do
  [ "$(wc -l < "$f")" -ge 1000 ] || continue
  picked=$((picked+1))
  mkdir -p "$repo/src/m$picked"
  head -n 1000 "$f" > "$repo/src/m$picked/file$picked.rs"
  [ "$picked" -lt 5 ] || break
done
[ "$picked" -eq 5 ] || { echo "fewer than 5 Rust files of 1,000 lines under ~/.cargo/registry/src" >&2; exit 2; }
git -C "$repo" add -A

python3 - "$repo" "$bin" "$runs" <<'PY'
import json, os, resource, statistics, subprocess, sys, time
repo, bin_, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def payload(event, tool=None, tool_input=None, **extra):
    d = {"session_id": "bench", "transcript_path": "/dev/null", "cwd": repo, "permission_mode": "default", "hook_event_name": event}
    if tool:
        d["tool_name"], d["tool_input"] = tool, tool_input
    d.update(extra)
    return json.dumps(d).encode()
edited = os.path.join(repo, "src/m1/file1.rs")
cases = [
    ("agent-hook: `ls -la` (allowed)", ["agent-hook", "claude"], payload("PreToolUse", "Bash", {"command": "ls -la"})),
    ("agent-hook: `git commit --no-verify` (refused)", ["agent-hook", "claude"], payload("PreToolUse", "Bash", {"command": "git commit --no-verify -m wip"})),
    ("agent-hook: proposed `git commit -m` (5 staged files judged)", ["agent-hook", "claude"], payload("PreToolUse", "Bash", {"command": "git commit -m 'Add sources\n\nAssisted-by: claude-code:bench'"})),
    ("agent-hook: after an edit (1 file, 1,000 lines)", ["agent-hook", "claude"], payload("PostToolUse", "Write", {"file_path": edited, "content": "…"})),
    ("agent-hook: session start (charter as context)", ["agent-hook", "claude"], payload("SessionStart", source="startup", model="bench-model")),
    ("pre-commit (same index)", ["pre-commit"], b""),
    ("--version (process start-up)", ["--version"], b""),
]
# The edit case judges the file against its staged version: make it differ.
with open(edited, "a") as f:
    f.write("\n// one more line\n")
wall = {c[0]: [] for c in cases}
cpu = {c[0]: [] for c in cases}
for _ in range(runs):
    for name, args, stdin in cases:
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        p = subprocess.run([bin_, *args], input=stdin, cwd=repo, capture_output=True)
        t1 = time.perf_counter()
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        if p.returncode not in (0, 1):
            sys.exit(f"{name}: exit {p.returncode}: {p.stderr.decode()}")
        wall[name].append((t1 - t0) * 1000)
        cpu[name].append(((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1000)
pre = statistics.median(wall["pre-commit (same index)"])
print(f"{'case':60} {'wall ms':>8} {'cpu ms':>8} {'vs pre-commit':>14}")
for name, _, _ in cases:
    w = statistics.median(wall[name])
    print(f"{name:60} {w:8.1f} {statistics.median(cpu[name]):8.1f} {w / pre:13.2f}x")
print(f"({runs} runs of each, alternated; medians)")
PY
