#!/usr/bin/env python3
"""Real third-party code as clean negatives: download packages by exact version, verify, draw files at random.

    negatives.py fetch      download every package in PACKAGES (PyPI wheel, npm tarball, crate, Debian .deb) into
                            $DATA/dl, check each archive's sha256 against packages.lock.json, unpack into $DATA/src
    negatives.py lock       (maintainer) write packages.lock.json from the archives downloaded
    negatives.py draw       (maintainer) draw the files at random with SEED, write negatives.jsonl
    negatives.py tree       copy the drawn files into $DATA/neg-tree/<eco>/<name>-<version>/<path>, verifying each
                            file's sha256 against negatives.jsonl

DATA defaults to /work/data/secreval (outside the repository). Python stdlib only; the clients used are pip, npm,
curl (static crates host) and apt-get, each for its own registry.
"""
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("DATA", "/work/data/secreval")
SEED = 20261202
COUNT = 2400
PER_PACKAGE_CAP = 160
MAX_FILE = 512 * 1024

PACKAGES = [
    ("pypi", n, v) for n, v in [
        ("django", "4.2.16"), ("sqlalchemy", "2.0.36"), ("celery", "5.4.0"), ("paramiko", "3.5.0"),
        ("scrapy", "2.12.0"), ("httpx", "0.28.1"), ("pydantic", "2.10.3"), ("jinja2", "3.1.4"),
        ("werkzeug", "3.1.3"), ("flask", "3.1.0"), ("ansible", "10.7.0"), ("azure-storage-blob", "12.24.0"),
        ("google-cloud-storage", "2.19.0"), ("airflow-provider-fivetran", "1.1.4"), ("sentry-sdk", "2.19.2")]
] + [
    ("npm", n, v) for n, v in [
        ("express", "4.21.2"), ("koa", "2.15.3"), ("vue", "3.5.13"), ("eslint", "9.17.0"), ("@babel/core", "7.26.0"),
        ("prettier", "3.4.2"), ("moment", "2.30.1"), ("axios", "1.7.9"), ("next-auth", "4.24.11"),
        ("@aws-sdk/client-s3", "3.712.0"), ("mongoose", "8.9.0"), ("pg", "8.13.1"), ("webpack", "5.97.1"),
        ("typescript", "5.7.2"), ("@octokit/rest", "21.0.2"), ("stripe", "17.4.0"), ("dotenv", "16.4.7"),
        ("passport", "0.7.0"), ("jsonwebtoken", "9.0.2"), ("nodemailer", "6.9.16")]
] + [
    ("crates", n, v) for n, v in [
        ("tokio", "1.42.0"), ("reqwest", "0.12.9"), ("hyper", "1.5.1"), ("rustls", "0.23.20"),
        ("clap_builder", "4.5.23"), ("regex-syntax", "0.8.5"), ("ring", "0.17.8"), ("openssl", "0.10.68"),
        ("aws-sdk-s3", "1.65.0"), ("sqlx-core", "0.8.2"), ("oauth2", "4.4.2"), ("jsonwebtoken", "9.3.0"),
        ("rsa", "0.9.7"), ("diesel", "2.2.6"), ("actix-web", "4.9.0"), ("tonic", "0.12.3"),
        ("x509-parser", "0.16.0"), ("ssh-key", "0.6.7"), ("lettre", "0.11.11"), ("redis", "0.27.6")]
] + [
    ("deb", n, v) for n, v in [
        ("golang-github-aws-aws-sdk-go-dev", "1.44.133-1"), ("golang-github-gin-gonic-gin-dev", "1.8.1-1"),
        ("golang-github-go-sql-driver-mysql-dev", "1.5.0-2"), ("golang-github-lib-pq-dev", "1.10.7-2"),
        ("golang-github-spf13-cobra-dev", "1.6.1-1"), ("golang-golang-x-oauth2-dev", "0.3.0-1"),
        ("libcommons-lang3-java-doc", "3.12.0-2+deb12u1"), ("php-guzzlehttp-guzzle", "7.4.5-1"),
        ("php-symfony-http-foundation", "5.4.53+dfsg-0+deb12u1"), ("ruby-aws-sdk-core", "3.168.1-2"),
        ("ruby-devise", "4.8.1-1"), ("ruby-faraday", "1.1.0-7"), ("ruby-rack", "2.2.22-0+deb12u2")]
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def key(eco, name, ver):
    return f"{eco}/{name.replace('/', '+')}-{ver}"


def archive_for(eco, name, ver):
    """Path of the downloaded archive (downloading it when missing)."""
    d = os.path.join(DATA, "dl", eco)
    os.makedirs(d, exist_ok=True)
    def find():
        norm = name.lower().replace("-", "_").replace("@", "").replace("/", "-")
        for f in sorted(os.listdir(d)):
            fl = f.lower().replace("-", "_")
            if eco == "pypi" and fl.startswith(norm.replace("-", "_") + "_" + ver.lower()) and f.endswith(".whl"):
                return os.path.join(d, f)
            if eco == "npm" and f == f"{name.replace('@', '').replace('/', '-')}-{ver}.tgz":
                return os.path.join(d, f)
            if eco == "crates" and f == f"{name}-{ver}.crate":
                return os.path.join(d, f)
            if eco == "deb" and f.startswith(f"{name}_{ver.replace(':', '%3a')}_"):
                return os.path.join(d, f)
        return None
    p = find()
    if p:
        return p
    if eco == "pypi":
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                        "-d", d, f"{name}=={ver}"], check=True)
    elif eco == "npm":
        subprocess.run(["npm", "pack", "--silent", f"{name}@{ver}"], cwd=d, check=True, stdout=subprocess.DEVNULL)
    elif eco == "crates":
        subprocess.run(["curl", "-sfL", "-o", os.path.join(d, f"{name}-{ver}.crate"),
                        f"https://static.crates.io/crates/{name}/{name}-{ver}.crate"], check=True)
    elif eco == "deb":
        subprocess.run(["apt-get", "download", "-qq", f"{name}={ver}"], cwd=d, check=True)
    p = find()
    if not p:
        raise SystemExit(f"download of {eco} {name} {ver} left no archive in {d}")
    return p


def unpack(archive, dest):
    if os.path.isdir(dest):
        return
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    if archive.endswith(".whl"):
        with zipfile.ZipFile(archive) as z:
            z.extractall(tmp)
    elif archive.endswith(".deb"):
        subprocess.run(["dpkg-deb", "-x", archive, tmp], check=True)
    else:
        with tarfile.open(archive) as t:
            t.extractall(tmp, filter="data")
    os.rename(tmp, dest)


def cmd_fetch(verify=True):
    lock = json.load(open(os.path.join(HERE, "packages.lock.json"))) if verify else {}
    for eco, name, ver in PACKAGES:
        a = archive_for(eco, name, ver)
        k = key(eco, name, ver)
        if verify:
            want = lock.get(k, {}).get("sha256")
            got = sha256(a)
            if want != got:
                raise SystemExit(f"sha256 mismatch for {k}: {got} != {want}")
        unpack(a, os.path.join(DATA, "src", k))
    print(f"fetched and unpacked {len(PACKAGES)} packages under {DATA}/src", file=sys.stderr)


def cmd_lock():
    out = {}
    for eco, name, ver in PACKAGES:
        a = archive_for(eco, name, ver)
        out[key(eco, name, ver)] = {"eco": eco, "name": name, "version": ver, "archive": os.path.basename(a),
                                    "sha256": sha256(a), "bytes": os.path.getsize(a)}
    json.dump(out, open(os.path.join(HERE, "packages.lock.json"), "w"), indent=1, sort_keys=True)


def is_text(path):
    with open(path, "rb") as f:
        head = f.read(8192)
    return b"\0" not in head


def cmd_draw():
    cmd_fetch(verify=True)
    rng = random.Random(SEED)
    pools = {}
    for eco, name, ver in PACKAGES:
        k = key(eco, name, ver)
        root = os.path.join(DATA, "src", k)
        files = []
        for dp, dn, fn in os.walk(root):
            dn.sort()
            for f in sorted(fn):
                p = os.path.join(dp, f)
                if os.path.islink(p) or not os.path.isfile(p):
                    continue
                sz = os.path.getsize(p)
                if sz == 0 or sz > MAX_FILE or not is_text(p):
                    continue
                files.append(os.path.relpath(p, root))
        pools[k] = (eco, name, ver, sorted(files))
    # Uniform over all files, with a per-package cap so one huge package does not make the whole set.
    everything = [(k, f) for k in sorted(pools) for f in pools[k][3]]
    rng.shuffle(everything)
    taken, per = [], {}
    for k, f in everything:
        if per.get(k, 0) >= PER_PACKAGE_CAP:
            continue
        per[k] = per.get(k, 0) + 1
        taken.append((k, f))
        if len(taken) >= COUNT:
            break
    taken.sort()
    with open(os.path.join(HERE, "negatives.jsonl"), "w") as out:
        for k, f in taken:
            eco, name, ver, _ = pools[k]
            p = os.path.join(DATA, "src", k, f)
            out.write(json.dumps({"eco": eco, "package": name, "version": ver, "path": f,
                                  "file": f"{k}/{f}", "bytes": os.path.getsize(p), "sha256": sha256(p)}) + "\n")
    print(f"drew {len(taken)} of {len(everything)} text files (seed {SEED}, cap {PER_PACKAGE_CAP}/package)",
          file=sys.stderr)


def cmd_tree():
    cmd_fetch(verify=True)
    dest = os.path.join(DATA, "neg-tree")
    shutil.rmtree(dest, ignore_errors=True)
    n = 0
    for line in open(os.path.join(HERE, "negatives.jsonl")):
        r = json.loads(line)
        src = os.path.join(DATA, "src", r["file"])
        if sha256(src) != r["sha256"]:
            raise SystemExit(f"sha256 mismatch for {r['file']}")
        # Dot-directories and ignore files would hide files from the scanners; flatten them into the name.
        target = os.path.join(dest, r["file"])
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(src, target)
        n += 1
    print(f"{n} files in {dest}", file=sys.stderr)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "tree"
    {"fetch": cmd_fetch, "lock": cmd_lock, "draw": cmd_draw, "tree": cmd_tree}[cmd]()
