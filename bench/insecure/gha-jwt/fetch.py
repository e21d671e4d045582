#!/usr/bin/env python3
"""Unpacks the GitHub repositories of repos.tsv, each at its exact commit, under <out>/<owner>+<name>
(the second corpus: GitHub Actions workflows and JWT-using code, which the registry corpus lacks).

    bench/insecure/gha-jwt/fetch.py [--out /work/data/insecure/gh] [--mirrors DIR]

With --mirrors, DIR/<owner>+<name>/repo is a bare git directory holding the commit (a local
snapshot); otherwise the repository is cloned from https://github.com. Every file of the commit's
tree is written; a blob the snapshot lacks (snapshots may omit their largest files) is skipped
and counted, so the scanned bytes (scan.py's .stats) say what was actually judged.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def git(gd, *args, **kw):
    return subprocess.run(["git", "--git-dir", gd, *args], check=True, capture_output=True, **kw).stdout


def unpack(gd, commit, dest):
    tree = git(gd, "ls-tree", "-r", "-z", "--full-tree", commit).split(b"\0")
    entries = []
    for e in tree:
        if not e:
            continue
        meta, path = e.split(b"\t", 1)
        mode, kind, oid = meta.split()
        if kind == b"blob" and mode in (b"100644", b"100755"):
            entries.append((oid, path))
    p = subprocess.Popen(["git", "--git-dir", gd, "cat-file", "--batch"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE)
    missing = 0
    for oid, path in entries:
        p.stdin.write(oid + b"\n")
        p.stdin.flush()
        head = p.stdout.readline().split()
        if len(head) < 3 or head[1] != b"blob":
            missing += 1
            continue
        data = p.stdout.read(int(head[2]))
        p.stdout.read(1)
        rel = os.fsdecode(path)
        if rel.startswith("/") or ".." in rel.split("/"):
            continue
        full = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
    p.stdin.close()
    p.wait()
    return len(entries), missing


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/work/data/insecure/gh")
    ap.add_argument("--mirrors")
    ap.add_argument("--list", default=os.path.join(HERE, "repos.tsv"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    with open(a.list) as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    for repo, commit, *_ in rows:
        dest = os.path.join(a.out, repo.replace("/", "+"))
        if os.path.isdir(dest):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            if a.mirrors:
                gd = os.path.join(a.mirrors, repo.replace("/", "+"), "repo")
            else:
                gd = os.path.join(tmp, "repo.git")
                subprocess.run(["git", "init", "-q", "--bare", gd], check=True)
                r = subprocess.run(["git", "--git-dir", gd, "fetch", "-q", "--depth", "1",
                                    f"https://github.com/{repo}", commit])
                if r.returncode:
                    print(f"failed: {repo} {commit}", file=sys.stderr)
                    continue
            try:
                n, missing = unpack(gd, commit, dest)
            except subprocess.CalledProcessError as e:
                print(f"failed: {repo} {commit}: {e.stderr.decode().strip()}", file=sys.stderr)
                continue
        print(f"{repo}\t{commit}\t{n} files\t{missing} missing blobs")


if __name__ == "__main__":
    main()
