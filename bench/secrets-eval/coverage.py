#!/usr/bin/env python3
"""Provider-family coverage of git-charter's secret rules against four peers' rule sets.

    coverage.py peers GITLEAKS BETTERLEAKS KINGFISHER NOSEYPARKER
        (maintainer) list every peer rule as peer, family, rule id into coverage-peers.tsv, reading the
        four repositories' git directories at HEAD: gitleaks and betterleaks cmd/generate/config/rules/*.go
        (the family is the Go file), kingfisher data/rules/*.yml and noseyparker
        crates/noseyparker/data/default/builtin/rules/*.yml (the family is the YAML file). Only rule ids
        are kept: no pattern, example or test string of any peer is copied.
    coverage.py [update] [--bin PATH]
        rewrite coverage.tsv: one row per (peer, family) with the git-charter rule ids that cover it, or
        `missing`. A family is covered by a rule whose id starts with the family's name (both lowercased,
        punctuation dropped: `adafruitio` ~ `adafruit-io-key`) or by the ids coverage-map.tsv gives it
        (hand-checked: the rule detects the peer's format). Ids no longer in `git-charter rules --ids` are
        dropped, so a removed rule turns its families back into `missing`.
    coverage.py --check
        exit 1 if coverage.tsv is not what `update` would write.

Python stdlib only. The covered column says a family has a rule, not how well the rule does on it: that is
what run.sh measures.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PEERS_TSV = os.path.join(HERE, "coverage-peers.tsv")
MAP_TSV = os.path.join(HERE, "coverage-map.tsv")
OUT_TSV = os.path.join(HERE, "coverage.tsv")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def peers(paths):
    rows = []
    heads = []
    specs = [
        ("gitleaks", paths[0], "cmd/generate/config/rules", r"\.go$", re.compile(r'RuleID:\s*"([^"]+)"')),
        ("betterleaks", paths[1], "cmd/generate/config/rules", r"\.go$", re.compile(r'RuleID:\s*"([^"]+)"')),
        ("kingfisher", paths[2], "data/rules", r"\.ya?ml$", re.compile(r"^\s*-?\s*id:\s*['\"]?([\w.-]+)", re.M)),
        ("noseyparker", paths[3], "crates/noseyparker/data/default/builtin/rules", r"\.ya?ml$",
         re.compile(r"^\s*-?\s*id:\s*['\"]?([\w.-]+)", re.M)),
    ]
    for peer, repo, under, ext, rx in specs:
        heads.append(f"{peer}={git(repo, 'rev-parse', 'HEAD').strip()}")
        for f in git(repo, "ls-tree", "-r", "--name-only", "HEAD", under).split():
            if not re.search(ext, f) or f.endswith("_test.go"):
                continue
            family = re.sub(ext, "", os.path.basename(f))
            ids = rx.findall(git(repo, "show", f"HEAD:{f}"))
            for i in dict.fromkeys(ids):
                rows.append((peer, family, i))
    with open(PEERS_TSV, "w") as out:
        out.write("# peer\tfamily\trule  (" + " ".join(heads) + ")\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    print(f"{len(rows)} peer rules in {len({(p, f) for p, f, _ in rows})} families", file=sys.stderr)


def our_ids(binary):
    out = subprocess.run([binary, "rules", "--ids"], check=True, capture_output=True, text=True).stdout
    return [line.split()[1] for line in out.splitlines() if line.startswith("secret ")]


def read_tsv(path):
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def table(binary):
    ids = our_ids(binary)
    have = set(ids)
    prefixes = {}
    for i in ids:
        toks = i.split("-")
        for k in range(1, len(toks) + 1):
            prefixes.setdefault(norm("".join(toks[:k])), []).append(i)
    manual = {}
    for row in read_tsv(MAP_TSV):
        manual.setdefault(norm(row[0]), []).extend(x for x in row[1].split(",") if x)
    fams = {}
    for peer, family, rule in read_tsv(PEERS_TSV):
        fams.setdefault((peer, family), []).append(rule)
    lines = ["peer\tfamily\tpeer_rules\tcovered_by\thow"]
    for (peer, family), rules in fams.items():
        key = norm(family)
        mapped = [i for i in manual.get(key, []) if i in have]
        auto = [i for i in prefixes.get(key, []) if i not in mapped]
        cover = mapped + auto
        how = "+".join(h for h, v in (("map", mapped), ("name", auto)) if v) or "-"
        lines.append("\t".join([peer, family, ",".join(rules), ",".join(cover) or "missing", how]))
    return "\n".join(lines) + "\n"


def main(argv):
    binary = os.environ.get("GIT_CHARTER", "git-charter")
    if "--bin" in argv:
        binary = argv[argv.index("--bin") + 1]
    if argv[:1] == ["peers"]:
        peers(argv[1:5])
        return 0
    text = table(binary)
    if "--check" in argv:
        with open(OUT_TSV) as f:
            same = f.read() == text
        print("coverage.tsv is " + ("current" if same else "stale: run coverage.py update"), file=sys.stderr)
        return 0 if same else 1
    with open(OUT_TSV, "w") as f:
        f.write(text)
    rows = text.splitlines()[1:]
    total = len(rows)
    missing = sum(1 for r in rows if r.split("\t")[3] == "missing")
    print(f"{total} peer families, {total - missing} covered, {missing} missing", file=sys.stderr)
    for peer in ("gitleaks", "betterleaks", "kingfisher", "noseyparker"):
        mine = [r for r in rows if r.startswith(peer + "\t")]
        miss = sum(1 for r in mine if r.split("\t")[3] == "missing")
        print(f"  {peer}: {len(mine)} families, {len(mine) - miss} covered", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
