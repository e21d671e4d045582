#!/usr/bin/env python3
"""Recall (and false alarms) of the GitHub Actions and JWT patterns on planted/: workflows, an
action and JWT code in five languages written for this bench. A line that a pattern must report
ends with `expect: <pattern id>` (in a comment, or in the script text); every other line of
these files must not be reported by these patterns.

    bench/insecure/gha-jwt/planted.py [--bin target/release/git-charter]

The tree is copied to a temporary directory and scanned there as a repository root, with the
starter charter (over the default one), as scan.py --each-root does.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
PATTERNS = ("gha-script-injection", "gha-pr-target-checkout", "jwt-verify-disabled", "jwt-decode-unverified")
EXPECT = re.compile(r"expect: ([a-z0-9-]+)")
MSG = re.compile(r"\(([a-z0-9-]+)\)(?::|$)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/git-charter"))
    a = ap.parse_args()
    src = os.path.join(HERE, "planted")
    expected = set()
    for d, _, files in os.walk(src):
        for f in files:
            full = os.path.join(d, f)
            with open(full, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    for m in EXPECT.finditer(line):
                        expected.add((os.path.relpath(full, src), n, m.group(1)))
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "repo")
        shutil.copytree(src, root)
        os.makedirs(os.path.join(root, ".charter"))
        shutil.copy(os.path.join(ROOT, "charter/starter.yaml"), os.path.join(root, ".charter/charter.yaml"))
        r = subprocess.run([a.bin, "scan", "--format", "json", "."], cwd=root, capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"exit {r.returncode}: {r.stderr.strip()}")
        found = set()
        levels = {}
        for v in json.loads(r.stdout)["violations"]:
            m = MSG.search(v["message"])
            if v["policy_id"] == "CH-INSECURE-001" and m and m.group(1) in PATTERNS:
                key = (v["path"].removeprefix("./"), v.get("line", 0), m.group(1))
                found.add(key)
                levels[key] = v["level"]
    print(f"{'pattern':24} {'planted':>7} {'found':>6} {'missed':>6} {'false':>6} {'recall':>7}")
    ok = True
    for p in PATTERNS:
        exp = {k for k in expected if k[2] == p}
        got = {k for k in found if k[2] == p}
        missed, extra = sorted(exp - got), sorted(got - exp)
        ok &= not missed and not extra
        print(f"{p:24} {len(exp):7} {len(exp & got):6} {len(missed):6} {len(extra):6} "
              f"{len(exp & got) / len(exp) if exp else 1:7.3f}")
        for k in missed:
            print(f"    missed: {k[0]}:{k[1]}")
        for k in extra:
            print(f"    false:  {k[0]}:{k[1]} ({levels[k]})")
    by_level = collections.Counter((k[2], levels[k]) for k in found)
    print("levels:", ", ".join(f"{p} {lv} {n}" for (p, lv), n in sorted(by_level.items())))
    print("all planted lines found and nothing else:", "yes" if ok else "NO")


if __name__ == "__main__":
    main()
