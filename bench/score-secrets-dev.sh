#!/usr/bin/env bash
# Scores `git charter scan` (the product, through its policies) on the labeled secrets set:
#   bench/score-secrets-dev.sh [DATASET_DIR]   (default ../shared/bench/secrets-dev)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="$(cd "${1:-$here/../shared/bench/secrets-dev}" && pwd)"
cargo build --release --locked --quiet --manifest-path "$here/Cargo.toml"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
(cd "$data/tree" && "$(. "$here/bench/target-dir.sh"; target_dir "$here")/release/git-charter" scan --format json > "$out/scan.json") || true
python3 - "$out/scan.json" "$out/findings.jsonl" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as f:
    for v in d["violations"]:
        if v["policy_id"] == "CH-SECRET-001" and v.get("path"):
            f.write(json.dumps({"file": v["path"], "line": v["line"]}) + "\n")
print("scanned:", d["stats"]["scanned_files"], "files,", d["stats"]["scanned_bytes"], "bytes")
PY
python3 "$data/score.py" --labels "$data/labels.jsonl" --findings "$out/findings.jsonl"
