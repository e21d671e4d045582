#!/usr/bin/env bash
# The main job on the embedded default charter, end to end: builds git-charter, makes a throw-away
# repository with no .charter/, and runs the pre-commit and commit-msg stages the way git would.
# Exit status: 0 when every verdict below is the expected one.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --locked --quiet --manifest-path "$here/Cargo.toml"
. "$here/bench/target-dir.sh"
gc="$(target_dir "$here")/release/git-charter"
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
cd "$repo"
git init -q -b main
git config user.name "Dana Developer"; git config user.email dana@example.com
export NO_COLOR=${NO_COLOR:-}

status=0
step() { # step "title" expected_exit command...
  local title=$1 want=$2; shift 2
  printf '\n\033[1m== %s\033[0m  (expect exit %s)\n$ %s\n' "$title" "$want" "$*"
  set +e; "$@"; local got=$?; set -e
  if [ "$got" != "$want" ]; then echo "!! exit $got, expected $want"; status=1; fi
}

mkdir -p src/billing src/auth
cat > src/billing/invoice.py <<'PY'
def total(lines):
    return sum(l.quantity * l.unit_price for l in lines)
PY
git add -A
step "1. a clean change passes" 0 "$gc" pre-commit
git commit -q --no-verify -m "Add invoice totals"

printf 'AWS_ACCESS_KEY_ID = "AKIA%s"\nAWS_SECRET_ACCESS_KEY = "%s"\n' "Z7QW3LRT5XKP2M4N" "wJalrXUtnF3MI/K7MDENGbPxRfiCYz8Q1kA7vB2d" > src/billing/aws.py
git add src/billing/aws.py
step "2. a staged AWS key is denied (and never printed in full)" 1 "$gc" pre-commit
git rm -q --cached src/billing/aws.py; rm src/billing/aws.py

cat > src/auth/session.py <<'PY'
import jwt

def read_session(token, key):
    return jwt.decode(token, key, algorithms=["HS256", "none"])
PY
git add -A
step "3. an AI-typical insecure pattern in auth code is denied" 1 "$gc" pre-commit
cat > src/auth/session.py <<'PY'
import jwt

def read_session(token, key):
    return jwt.decode(token, key, algorithms=["HS256"])
PY
git add -A
step "4. fixed: pre-commit passes and says what the commit will need" 0 "$gc" pre-commit
printf 'Decode session tokens\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n' > .git/COMMIT_EDITMSG
step "5. commit-msg: Claude co-author, no disclosure trailer -> denied" 1 "$gc" commit-msg .git/COMMIT_EDITMSG
printf 'Decode session tokens\n\nAssisted-by: Claude Code:claude-opus-4\nCo-Authored-By: Claude <noreply@anthropic.com>\nSecurity-Reviewed-by: Ada Reviewer <ada@example.com>\nReviewed-by: Ada Reviewer <ada@example.com>\n' > .git/COMMIT_EDITMSG
step "6. the same message with Assisted-by and a security reviewer" 0 "$gc" commit-msg .git/COMMIT_EDITMSG

printf '\n== the input document the policies saw at step 6 (abridged)\n'
"$gc" input --stage commit-msg .git/COMMIT_EDITMSG | python3 -c '
import json,sys
d=json.load(sys.stdin)
print(json.dumps({"commit": {k: d["commit"][k] for k in ("subject","trailers","ai_evidence")},
                  "files": [{k: f[k] for k in ("path","tier","classes","insecure")} for f in d["files"]]}, indent=2))'

git commit -q --no-verify -F .git/COMMIT_EDITMSG
printf 'requests==2.32.3\nreqeusts==2.32.3\n' > requirements.txt
git add requirements.txt
step "7. a dependency named one typo away from a popular package is denied" 1 "$gc" pre-commit
printf 'requests==2.32.3\n' > requirements.txt
git add requirements.txt
step "8. with the real package's name it passes" 0 "$gc" pre-commit
git commit -q --no-verify -m "Pin requests" -m "Assisted-by: claude-code:claude-sonnet-4-6"
# An agent's shell command, as Claude Code hands it to its PreToolUse hook (docs/agents.md).
agent_refuses() { # agent_refuses COMMAND: the hook's answer, and exit 0 when it denies
  local answer
  answer=$(printf '{"session_id":"demo","cwd":"%s","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"%s"}}' \
    "$repo" "$1" | "$gc" agent-hook claude)
  printf '%s\n' "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hookSpecificOutput"]["permissionDecisionReason"])' 2>/dev/null || echo "(allowed: no answer)"
  case "$answer" in *'"permissionDecision":"deny"'*) return 0 ;; *) return 1 ;; esac
}
step "9. an agent's git commit --no-verify is refused before it runs" 0 agent_refuses "git commit --no-verify -m wip"
step "10. an agent's echo of the same words is not a bypass" 1 agent_refuses "echo git commit --no-verify"

# A change that skipped the hooks: history keeps it, and the report counts it against the charter.
printf 'def refund(invoice):\n    return -total(invoice.lines)\n' > src/billing/refund.py
git add src/billing/refund.py
git commit -q --no-verify -m "Add refunds" -m "Co-Authored-By: Claude <noreply@anthropic.com>"
out="$(target_dir "$here")/demo-report"
step "11. the charter's numbers over the demo's history (also $out.html and .json)" 0 "$gc" report
"$gc" report --format html --output "$out.html"
"$gc" report --format json --output "$out.json"
python3 - "$out.json" <<'PY' || status=1
import json, sys
t = json.load(open(sys.argv[1]))["totals"]
assert t["commits"] == 4 and t["ai_commits"] == 3, t
assert t["disclosure_required"] == 3 and t["disclosed"] == 2, t
assert t["violations"].get("CH-AI-001") == 1, t
print(f"report: {t['commits']} commits, {t['ai_commits']} AI-assisted, {t['disclosed']} of {t['disclosure_required']} disclosed as required")
PY

# The critical tier's dual sign-off (docs/provenance.md): the developer signs the commit with an
# SSH key, a security reviewer signs an approval of it, and ci checks both against the
# allowed-signers file of the base commit.
keys=$(mktemp -d)
trap 'rm -rf "$repo" "$keys"' EXIT
ssh-keygen -q -t ed25519 -N '' -C dana -f "$keys/dana"
ssh-keygen -q -t ed25519 -N '' -C ada -f "$keys/ada"
mkdir -p .charter
cat > .charter/charter.yaml <<'YAML'
tiers:
  critical:
    paths: ["src/billing/**"]
    review: {count: 0}          # signed approvals instead of review trailers
    approvals: {count: 1, roles: [security], signed_commit: true, always: true}
YAML
printf 'dana@example.com namespaces="git" %s\nada@example.com namespaces="git-charter" %s roles=security\n' \
  "$(cut -d' ' -f1,2 "$keys/dana.pub")" "$(cut -d' ' -f1,2 "$keys/ada.pub")" > .charter/allowed_signers
git add .charter && git commit -q --no-verify -m "Charter: billing is critical, dual sign-off"
git tag base
git config gpg.format ssh; git config user.signingkey "$keys/dana"
printf 'def discount(total, pct):\n    return total * (100 - pct) // 100\n' > src/billing/discount.py
git add src/billing/discount.py
git commit -q --no-verify -S -m "Add discounts"
step "12. a signed commit to the critical tier without a security approval is denied by ci" 1 "$gc" ci --range base..HEAD
git config user.email ada@example.com; git config user.signingkey "$keys/ada"
step "13. the security reviewer signs an approval with their SSH key" 0 "$gc" approve HEAD --role security --comment "checked the rounding"
git config user.email dana@example.com; git config user.signingkey "$keys/dana"
step "14. with both signatures ci passes" 0 "$gc" ci --range base..HEAD --attest
step "15. git-charter's own records (refs/notes/charter), queried" 0 "$gc" log src/billing
exit $status
