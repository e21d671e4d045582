#!/usr/bin/env python3
"""Runs `git charter scan` (the starter charter) over every package fetch.sh unpacked and writes
every insecure-pattern warning and denial, with the line it is on, to findings.tsv.

    bench/insecure/fetch.sh /work/data/insecure/src
    bench/insecure/scan.py --bin target/release/git-charter --src /work/data/insecure/src \
        [--out bench/insecure/findings.tsv]

The charter used is charter/starter.yaml (it layers over the default one) with `limits.max_files`
raised so a whole package is judged in one run; it is copied to <src>/.charter/charter.yaml.
Columns: package, pattern, level, path (from <src>), line, the line's text (trimmed to 200
characters, tabs as spaces). A second file, <out>.stats, holds the bytes scanned per package.

With --each-root every package is scanned as its own repository root (the charter copied to
<package>/.charter/charter.yaml, the scan run inside it), so path-scoped patterns such as the
GitHub Actions ones (`.github/workflows/**`) see the paths they would see in that repository.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MSG = re.compile(r"\(([a-z0-9-]+)\)(?::|$)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/git-charter"))
    ap.add_argument("--src", default="/work/data/insecure/src")
    ap.add_argument("--out", default=os.path.join(HERE, "findings.tsv"))
    ap.add_argument("--charter", default=os.path.join(ROOT, "charter/starter.yaml"))
    ap.add_argument("--each-root", action="store_true")
    ap.add_argument("--patterns", help="comma-separated: keep only these patterns' findings")
    a = ap.parse_args()
    keep = set(a.patterns.split(",")) if a.patterns else None
    with open(a.charter) as f:
        starter = f.read()
    charter = starter.replace("version: 1\n", "version: 1\nlimits:\n  max_files: 1000000\n  policy_timeout_ms: 60000\n", 1)

    def place(root):
        os.makedirs(os.path.join(root, ".charter"), exist_ok=True)
        with open(os.path.join(root, ".charter/charter.yaml"), "w") as f:
            f.write(charter)

    if not a.each_root:
        place(a.src)
    rows, stats = [], []
    for pkg in sorted(os.listdir(a.src)):
        if pkg.startswith(".") or not os.path.isdir(os.path.join(a.src, pkg)):
            continue
        if a.each_root:
            place(os.path.join(a.src, pkg))
        r = subprocess.run([a.bin, "scan", "--format", "json", "." if a.each_root else pkg],
                           cwd=os.path.join(a.src, pkg) if a.each_root else a.src,
                           capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"{pkg}: exit {r.returncode}: {r.stderr.strip()}")
        doc = json.loads(r.stdout)
        stats.append((pkg, doc["stats"]["scanned_bytes"], doc["stats"]["scanned_files"]))
        for v in doc["violations"]:
            if v["policy_id"] != "CH-INSECURE-001":
                continue
            m = MSG.search(v["message"])
            path, line = v["path"], v.get("line", 0)
            if a.each_root:
                path = pkg + "/" + path.removeprefix("./")
            try:
                with open(os.path.join(a.src, path), "rb") as f:
                    text = f.read().split(b"\n")[line - 1].decode("utf-8", "replace")
            except (OSError, IndexError):
                text = ""
            text = text.strip().replace("\t", " ")[:200]
            pattern = m.group(1) if m else "?"
            if keep is not None and pattern not in keep:
                continue
            rows.append((pkg, pattern, v["level"], path, str(line), text))
    rows.sort(key=lambda r: (r[1], r[3], int(r[4])))
    with open(a.out, "w") as f:
        f.write("package\tpattern\tlevel\tpath\tline\ttext\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    with open(a.out + ".stats", "w") as f:
        f.write("package\tscanned_bytes\tscanned_files\n")
        for s in stats:
            f.write(f"{s[0]}\t{s[1]}\t{s[2]}\n")
    total = sum(s[1] for s in stats)
    print(f"{len(rows)} insecure findings in {total / 1e6:.1f} MB ({len(stats)} packages) -> {a.out}")


if __name__ == "__main__":
    main()
