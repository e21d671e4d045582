#!/usr/bin/env python3
"""Re-download every package named in labels.jsonl by exact version and check each file.

For every entry it fetches the package artifact with the registry's own client (pip, npm,
apt-get; crates through static.crates.io), extracts it into a work directory, reads the file at
`source.path_in_package`, and checks
  * sha256 of the whole file in the package == source.sha256, and
  * the stored copy under files/ == the file (or, for an excerpt, its first `excerpt_lines` lines),
    and its sha256 == the entry's `sha256`.

GitHub snapshots are not on a package registry: pass a local git directory holding the recorded
commit with --git owner/name=/path/to/repo.git (e.g. a bare clone); entries without one are
reported as skipped, not failed.

    python3 bench/classes-heldout-3/fetch.py [--work DIR] [--only REGISTRY] [--git owner/name=DIR ...]

Exit status: 0 when every checked file matches, 1 otherwise.
"""

import argparse
import glob
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import urllib.request
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def extract_tar(path, dest):
    with tarfile.open(path) as t:
        t.extractall(dest, filter="data") if hasattr(tarfile, "data_filter") else t.extractall(dest)


def fetch_package(src, work):
    """Download and unpack one package; return the directory that path_in_package is relative to."""
    reg, name, ver = src["registry"], src["package"], src["version"]
    key = f"{reg}-{name.replace('/', '+')}-{ver}".replace(":", "_")
    dest = os.path.join(work, key)
    if os.path.isfile(dest + ".done"):
        return dest
    dl = dest + ".dl"
    os.makedirs(dl, exist_ok=True)
    os.makedirs(dest, exist_ok=True)
    if reg == "pypi":
        run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
             "-d", dl, f"{name}=={ver}"], dl)
        wheel = glob.glob(os.path.join(dl, "*.whl"))[0]
        zipfile.ZipFile(wheel).extractall(dest)
    elif reg == "npm":
        run(["npm", "pack", "--silent", f"{name}@{ver}"], dl)
        extract_tar(glob.glob(os.path.join(dl, "*.tgz"))[0], dest)
    elif reg == "crates.io":
        url = f"https://static.crates.io/crates/{name}/{name}-{ver}.crate"
        path = os.path.join(dl, f"{name}-{ver}.crate")
        req = urllib.request.Request(url, headers={"User-Agent": "git-charter bench/classes-heldout-3 fetch.py"})
        with urllib.request.urlopen(req) as r, open(path, "wb") as f:
            f.write(r.read())
        extract_tar(path, dest)
    elif reg == "debian" and src.get("debian") == "binary":
        run(["apt-get", "download", f"{name}={ver}"], dl)
        run(["dpkg-deb", "-x", glob.glob(os.path.join(dl, "*.deb"))[0], dest], dl)
    elif reg == "debian" and src.get("debian") == "source":
        # The mirror may lack a package's .debian.tar (404) while its .orig.tar is there; the files
        # checked here come from the upstream tarball, so only the .orig.tar is required.
        # APT_SRC_CONFIG: an apt configuration with deb-src lines (tools/apt/), for source
        # packages only; binary packages use the machine's own.
        env = dict(os.environ)
        if os.environ.get("APT_SRC_CONFIG"):
            env["APT_CONFIG"] = os.environ["APT_SRC_CONFIG"]
        subprocess.run(["apt-get", "source", "--download-only", f"{name}={ver}"], cwd=dl, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        upstream = ver.split(":")[-1].rsplit("-", 1)[0] if "-" in ver else ver.split(":")[-1]
        orig = glob.glob(os.path.join(dl, f"{name}_{upstream}.orig.tar.*"))[0]
        extract_tar(orig, dest)
        subs = os.listdir(dest)
        root = os.path.join(dest, subs[0]) if len(subs) == 1 else dest
        for deb in glob.glob(os.path.join(dl, f"{name}_*.debian.tar.*")):
            extract_tar(deb, root)
    else:
        raise RuntimeError(f"unsupported source {reg}")
    open(dest + ".done", "w").close()
    return dest


def read_from_git(src, git_dirs):
    repo = src["package"]
    if repo not in git_dirs:
        return None
    out = subprocess.run(["git", "--git-dir", git_dirs[repo], "show",
                          f"{src['version']}:{src['path_in_package']}"], check=True, capture_output=True)
    return out.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", default=os.path.join(HERE, ".fetch-work"),
                    help="download/extract directory (default bench/classes-heldout-3/.fetch-work, not committed)")
    ap.add_argument("--only", help="check only entries of this registry (pypi, npm, crates.io, debian, github)")
    ap.add_argument("--git", action="append", default=[], help="owner/name=GIT_DIR for GitHub snapshot entries")
    args = ap.parse_args()
    git_dirs = dict(g.split("=", 1) for g in args.git)
    os.makedirs(args.work, exist_ok=True)
    entries = [json.loads(l) for l in open(os.path.join(HERE, "labels.jsonl")) if l.strip()]
    ok = bad = skipped = 0
    for e in entries:
        src = e["source"]
        if args.only and src["registry"] != args.only:
            continue
        try:
            if src["registry"] == "github":
                data = read_from_git(src, git_dirs)
                if data is None:
                    skipped += 1
                    continue
            else:
                root = fetch_package(src, args.work)
                with open(os.path.join(root, src["path_in_package"]), "rb") as f:
                    data = f.read()
        except Exception as exc:  # a vanished version or a network failure is a failure
            print(f"FAIL {e['id']}: cannot fetch {src['registry']} {src['package']} {src['version']}: {exc}")
            bad += 1
            continue
        problems = []
        if sha256(data) != src["sha256"]:
            problems.append("package file sha256 differs")
        stored = open(os.path.join(HERE, e["file"]), "rb").read()
        if e.get("excerpt_lines"):
            first, last = e["excerpt_lines"]
            expect = b"".join(data.splitlines(keepends=True)[first - 1:last])
        else:
            expect = data
        if stored != expect:
            problems.append("stored copy differs from the package file")
        if sha256(stored) != e["sha256"]:
            problems.append("stored copy sha256 differs from labels.jsonl")
        if problems:
            print(f"FAIL {e['id']}: {'; '.join(problems)}")
            bad += 1
        else:
            ok += 1
    print(f"{ok} ok, {bad} failed, {skipped} skipped (GitHub snapshots without --git)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
