#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, generated from the repository's own files: commit messages
of its history, the charters, policies, rule files and their examples, the CLI cases' fixtures.
Writes fuzz/corpus/<target>/seed-*; the corpus is not committed (fuzz/.gitignore)."""

import hashlib
import pathlib
import struct
import subprocess
import sys
import tomllib

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
MAX = 8192


def files(*globs):
    for g in globs:
        for p in sorted(ROOT.glob(g)):
            if p.is_file() and "fuzz" not in p.relative_to(ROOT).parts[:1]:
                yield p


def rule_files():
    out = []
    for p in files("rules/secrets/*.toml"):
        out.append((p, tomllib.loads(p.read_text())))
    return out


def git(*args):
    r = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True)
    return r.stdout if r.returncode == 0 else b""


class Corpus:
    def __init__(self, target):
        self.dir = FUZZ / "corpus" / target
        self.dir.mkdir(parents=True, exist_ok=True)
        self.n = 0

    def add(self, data):
        if isinstance(data, str):
            data = data.encode()
        data = data[:MAX]
        name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
        (self.dir / name).write_bytes(data)
        self.n += 1


def messages():
    log = git("log", "--format=%B%x00", "-n", "300")
    msgs = [m.strip(b"\n") + b"\n" for m in log.split(b"\x00") if m.strip()]
    examples = [e for _, doc in rule_files() for r in doc.get("rule", []) for e in r.get("examples", [])[:1]]
    # Messages as the commit-msg hook sees them: git's help text and the scissors line.
    extra = [
        b"Subject\n\nBody text.\n\nAssisted-by: some-tool:model-x\nSigned-off-by: A U Thor <a@example.com>\n"
        b"# Please enter the commit message for your changes.\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n",
        b"; subject\n\nbody\n\nCo-authored-by: Someone <s@example.com>\n; comment\n",
        b"Fix\n\nConflicts:\n\tsrc/a.rs\n\nRef: 12\n  continued\n---\nnotes\n",
    ]
    return msgs, examples, extra


def main():
    only = set(sys.argv[1:])

    def want(t):
        return not only or t in only

    msgs, examples, extra = messages()
    if want("message"):
        c = Corpus("message")
        for i, m in enumerate(msgs + extra):
            c.add(bytes([i % 256]) + m)
    if want("commit_msg"):
        c = Corpus("commit_msg")
        for i, m in enumerate(msgs[:100] + extra):
            c.add(bytes([i % 4]) + m)
        for i, e in enumerate(examples):
            subject = b"Add config\n\n"
            c.add(bytes([i % 4]) + (b"A U Thor <a@example.com>\n" if i % 4 & 1 else b"") + subject + e.encode() + b"\n")
    if want("structured"):
        c = Corpus("structured")
        for pick, globs in ((0, ("**/*.yaml", "**/*.yml")), (1, ("tests/**/*.json", "bench/**/*.json")), (2, ("**/*.toml",)), (3, ("**/*.tf", "**/*.hcl"))):
            for p in list(files(*globs))[:200]:
                c.add(bytes([pick]) + p.read_bytes()[:16384])
    if want("charter"):
        c = Corpus("charter")
        for p in files("charter/*.yaml", ".charter/*.yaml", "tests/**/*.yaml"):
            c.add(p.read_bytes())
    if want("gitleaks"):
        c = Corpus("gitleaks")
        for p in files("tests/**/*.toml"):
            c.add(p.read_bytes())
        # The built-in rule files, rewritten in gitleaks' schema.
        for p, doc in rule_files():
            out = ["[extend]\nuseDefault = true\n"]
            for r in doc.get("rule", []):
                out.append("[[rules]]\nid = %s\ndescription = %s\nregex = '''%s'''\nkeywords = [%s]\n" % (
                    toml_str(r["id"]), toml_str(r.get("title", "")), r["regex"],
                    ", ".join(toml_str(k) for k in r.get("keywords", []))))
                if "entropy" in r:
                    out.append("entropy = %s\n" % r["entropy"])
                negs = r.get("negative_examples", [])[:1]
                if negs:
                    out.append("[[rules.allowlists]]\nregexTarget = 'line'\nstopwords = [%s]\n" % toml_str(negs[0][:12]))
            c.add("".join(out))
        c.add("[extend]\nuseDefault = false\ndisabledRules = ['generic-api-key']\n[allowlist]\n"
              "paths = ['''(^|/)vendor/''']\nregexes = ['''\\Q${TOKEN}\\E''', '''{{ .Values.x }}''']\n"
              "[[rules]]\nid = 'team-token'\nregex = '''team_[a-z0-9]{16}\\p{L}?'''\nsecretGroup = 0\n"
              "[[rules]]\nid = 'path-only'\npath = '''\\.pem$'''\n")
    if want("baseline"):
        c = Corpus("baseline")
        for p in files("tests/**/baseline*.json", ".charter/baseline.json"):
            c.add(p.read_bytes())
        c.add('{"version":1,"findings":[{"fingerprint":"aws-access-key:src/a.rs:0123456789abcdef",'
              '"rule_id":"aws-access-key","path":"src/a.rs"},{"fingerprint":"x:b/c:fedcba9876543210",'
              '"rule_id":"x","path":"b/c"}]}\n')
    if want("metadata"):
        c = Corpus("metadata")
        for p in files("policies/**/*.rego", "charter/*.rego", "tests/**/*.rego"):
            c.add(p.read_bytes())
    if want("prepush"):
        c = Corpus("prepush")
        shas = git("rev-list", "-n", "4", "HEAD").split()
        zero = b"0" * 40
        for i in range(len(shas) - 1):
            c.add(b"refs/heads/main %s refs/heads/main %s\n" % (shas[i], shas[i + 1]))
        if shas:
            c.add(b"refs/heads/new %s refs/heads/new %s\n(delete) %s refs/heads/old %s\r\n\n" % (shas[0], zero, zero, shas[0]))
            c.add(b"HEAD %s refs/heads/x %s\n" % (shas[0].upper() + b"0" * 24, b"f" * 64))
    if want("policy_vm"):
        import json

        c = Corpus("policy_vm")
        docs = []
        for p in files("tests/it/snapshots/input_*.snap"):
            text = p.read_text()
            body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
            docs.append(json.loads(body))
        # Variants the policies branch on: disclosure trailers real and not, AI co-authors, reviews,
        # sign-offs, a merge, many files.
        trailers = [
            [],
            [{"key": "Assisted-by", "value": "Claude Code"}],
            [{"key": "Assisted-by", "value": "none"}],
            [{"key": "Assisted-by", "value": "<tool>:<model>"}],
            [{"key": "Co-authored-by", "value": "Claude <noreply@anthropic.com>"}],
            [{"key": "Reviewed-by", "value": "Ann <ann@example.com>"}, {"key": "Security-Reviewed-by", "value": "Bo <bo@example.com>"}],
            [{"key": "Signed-off-by", "value": "Test Person <test@example.com>"}, {"key": "Bulk-Approved-by", "value": "Ann <ann@example.com>"}],
        ]
        for d in docs:
            for i, t in enumerate(trailers):
                v = json.loads(json.dumps(d))
                commit = v.setdefault("commit", {})
                commit["trailers"] = t
                if i % 2:
                    commit["parents"] = ["a" * 40, "b" * 40]
                for stage_flag in range(4):
                    c.add(bytes([stage_flag | (i & 4)]) + json.dumps(v).encode())
    if want("content"):
        c = Corpus("content")

        def record(flags, path, content):
            path = path.encode()[:255]
            content = content[:0xFFFF]
            return bytes([flags, len(path)]) + path + struct.pack("<H", len(content)) + content

        for i, e in enumerate(examples):
            c.add(record(i % 256 & 0xF3, ["src/config.txt", ".env", "deploy/values.yaml", "a.py"][i % 4], e.encode() + b"\n"))
        for p in files("src/**/*.rs", "charter/*", "policies/**/*.rego", "tests/it/*.rs", "rules/insecure/*.yaml"):
            rel = str(p.relative_to(ROOT))
            c.add(record(0, rel, p.read_bytes()[:4000]))
        # Dependency manifests: their facts (names, requirements, URLs, scripts) join the document.
        for path, text in [
            ("package.json", b'{"private": true, "dependencies": {"left": "git+https://user:pass@example.invalid/x.git"}, "scripts": {"postinstall": "node x.js"}}\n'),
            ("requirements.txt", b"flask==3.0.0\nprivate @ https://example.invalid/p.whl\n"),
            ("Cargo.toml", b'[dependencies]\nserde = "1"\nx = { git = "https://example.invalid/x.git" }\n'),
            ("go.mod", b"module m\n\nrequire github.com/a/b v1.2.3\n"),
        ]:
            c.add(record(0, path, text))
        # Several files in one change set.
        pair = record(0x10, "src/auth/login.rs", b"fn login() {}\nlet password = \"x\";\n")
        pair += record(0x01, "migrations/0002_users.sql", b"ALTER TABLE users ADD COLUMN token text;\n")
        c.add(pair)
    if want("manifest"):
        c = Corpus("manifest")
        # The first byte picks the file (fuzz_targets/manifest.rs, FILES); a NUL splits old from new.
        names = ["Cargo.toml", "package.json", "requirements.txt", "pyproject.toml", "Pipfile", "go.mod",
                 "Gemfile", "pom.xml", "build.gradle", "gradle/libs.versions.toml", "Cargo.lock",
                 "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "uv.lock",
                 "Pipfile.lock", "go.sum", "Gemfile.lock"]
        small = {
            "package.json": '{"private": true, "dependencies": {"left": "^1.0.0", "gh": "user/repo#v1"}, "scripts": {"postinstall": "node x.js"}}',
            "requirements.txt": "flask==3.0.0\n-e git+https://example.invalid/x.git#egg=x\nrequests[socks]>=2 ; python_version>'3'\n",
            "pyproject.toml": '[project]\ndependencies = ["httpx>=0.27"]\n[tool.poetry.dependencies]\npython = "^3.11"\nx = {git = "https://example.invalid/x.git", tag = "v1"}\n',
            "Pipfile": '[packages]\nrequests = "*"\n[dev-packages]\npytest = "==8.0.0"\n',
            "go.mod": "module m\n\nrequire (\n\tgithub.com/a/b v1.2.3\n\tgolang.org/x/text v0.14.0 // indirect\n)\nreplace github.com/a/b => ../b\n",
            "Gemfile": 'gem "rails", "~> 7.1"\ngroup :test do\n  gem "rspec"\nend\ngem "x", git: "https://example.invalid/x.git", tag: "v1"\n',
            "pom.xml": "<project><properties><v>1.0</v></properties><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>${v}</version></dependency></dependencies></project>",
            "build.gradle": "dependencies {\n  implementation 'g:a:1.0'\n  testImplementation(\"g:t:2.+\")\n  api group: 'g', name: 'n', version: '3'\n}\n",
            "gradle/libs.versions.toml": '[versions]\nv = "1"\n[libraries]\na = {module = "g:a", version.ref = "v"}\nb = "g:b:2"\n',
            "package-lock.json": '{"lockfileVersion": 3, "packages": {"": {}, "node_modules/left": {"version": "1.0.0"}}}',
            "yarn.lock": '"@s/b@^2.0.0", "@s/b@^2.1.0":\n  version "2.1.0"\nleft@^1.0.0:\n  version "1.0.0"\n',
            "pnpm-lock.yaml": "lockfileVersion: '9.0'\npackages:\n  left@1.0.0:\n    resolution: {integrity: x}\n  /@s/b/2.0.0:\n    dev: true\n",
            "poetry.lock": '[[package]]\nname = "Zope.Interface"\nversion = "5"\n',
            "uv.lock": '[[package]]\nname = "httpx"\nversion = "0.27.0"\n',
            "Pipfile.lock": '{"default": {"requests": {"version": "==2.31.0"}}, "develop": {}}',
            "go.sum": "github.com/a/b v1.2.3 h1:x=\ngithub.com/a/b v1.2.3/go.mod h1:y=\n",
            "Gemfile.lock": "GEM\n  remote: https://rubygems.org/\n  specs:\n    rails (7.1.0)\n      actionpack (= 7.1.0)\n",
        }
        for name, text in small.items():
            i = names.index(name)
            c.add(bytes([i]) + b"\0" + text.encode())
            c.add(bytes([i]) + text.encode() + b"\0" + text.encode()[: len(text) // 2])
        for name, path in [("Cargo.toml", "Cargo.toml"), ("Cargo.lock", "Cargo.lock"), ("Cargo.toml", "fuzz/Cargo.toml")]:
            c.add(bytes([names.index(name)]) + b"\0" + (ROOT / path).read_bytes()[:16000])
    if want("agent"):
        c = Corpus("agent")
        lines = [
            "git commit --no-verify -m 'wip'",
            "git add -A && git commit -anm \"x y\" ; git push -n origin main || true",
            "bash -lc \"cd sub && git -c core.hooksPath=/dev/null commit -m 'x'\"",
            "SKIP=git-charter HUSKY=0 env -i A=1 sudo -u me nice -n 5 timeout 10 git push --no-ver",
            "export LEFTHOOK=0; f() { git commit -n; }; f",
            "echo $(git commit --no-verify) `git push --no-verify` <(git am -n x) $((1+2)) ${X:-y}",
            "cat > .git/hooks/pre-commit <<'EOF'\nexit 0\nEOF\nsh <<EOF\ngit commit -n\nEOF\nbash <<< 'git commit -n'",
            "for f in a b; do rm -f .git/hooks/$f; done; if true; then chmod -x .git/hooks/pre-push; fi",
            "sed -i 's/deny/off/' .charter/charter.yaml && dd if=/dev/zero of=.charter/x 2>&1 >/dev/null",
            "GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.hooksPath GIT_CONFIG_VALUE_0=x git --config-env=commit.gpgSign=V commit --trailer 'A: b' -s",
            "git config set core.hooksPath x; git config --unset commit.gpgsign; echo $'a\\x41\\'b'",
        ]
        for line in lines:
            c.add(b"\0" + line.encode())
        payloads = [
            (0, '{"session_id":"s","cwd":"/r","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"git commit -n"}}'),
            (1, '{"session_id":"s","turn_id":"t","cwd":"/r","hook_event_name":"PostToolUse","model":"m","tool_name":"apply_patch","tool_input":{"command":"*** Begin Patch\\n*** Update File: a\\n*** End Patch"}}'),
            (2, '{"session_id":"s","cwd":"/r","hook_event_name":"BeforeTool","tool_name":"write_file","tool_input":{"file_path":"a","content":"x"}}'),
            (3, '{"hook_event_name":"beforeShellExecution","workspace_roots":["/r"],"command":"git push --no-verify","cwd":"/r"}'),
            (4, '{"sessionId":"s","cwd":"/r","toolName":"bash","toolArgs":"{\\"command\\":\\"git commit -n\\"}","hookEventName":"preToolUse"}'),
        ]
        for agent, text in payloads:
            c.add(bytes([1 | (agent << 1)]) + text.encode())
    if want("provenance"):
        c = Corpus("provenance")
        for text in [
            'src/a.rs\n  0f1e2d3c4b5a6978 1-4,9\n"docs/with space.md"\n  h_77aa 2\n---\n'
            '{"schema_version":"authorship/3.0.0","base_commit_sha":"abc1234","prompts":{"0f1e2d3c4b5a6978":'
            '{"agent_id":{"tool":"cursor","id":"x","model":"gpt-4.1"},"human_author":"A <a@b>"}},'
            '"humans":{"h_77aa":{"author":"B <b@c>"}}}\n',
            '{"version":"0.1.0","id":"8e0c1a2b-0000-4000-8000-000000000001","timestamp":"2026-01-02T03:04:05Z",'
            '"vcs":{"type":"git","revision":"0123456789abcdef0123456789abcdef01234567"},"tool":{"name":"amp"},'
            '"files":[{"path":"lib/x.py","conversations":[{"contributor":{"type":"mixed","model_id":"google/gemini-2.5-pro"},'
            '"ranges":[{"start_line":3,"end_line":8},{"start_line":5,"end_line":5,"contributor":{"type":"human"}}]}]}]}\n',
            'dev@example.org,*@ops.example.org namespaces="git,git-charter" valid-after="20250101" '
            'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ7vG4lXrK0sQ6b5tZ1bN2fW8uX3yH9kL0mP4qR7sT1e roles=security\n',
            '{"version":1,"commit":"0123456789abcdef0123456789abcdef01234567","tree":"89abcdef0123456789abcdef0123456789abcdef",'
            '"parents":[],"signer":"dev@example.org","role":"security","timestamp":1767225600,'
            '"signature":"-----BEGIN SSH SIGNATURE-----\\nU1NIU0lHAAAAAQ==\\n-----END SSH SIGNATURE-----\\n"}\n',
        ]:
            c.add(text.encode())
    print("seeds written under", FUZZ / "corpus")


def toml_str(s):
    return "'''%s'''" % s if "'" not in s and "\n" not in s else '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


if __name__ == "__main__":
    main()
