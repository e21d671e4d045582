#!/usr/bin/env python3
"""Build the held-out evaluation set for the dependency check (bench/deps/heldout/).

Writes, next to this file:
  real.tsv     ecosystem<TAB>name<TAB>from       real dependency additions: a dependency name present
                                                 in release N+1 of a package but not in release N
                                                 (successive non-prerelease releases), `from` =
                                                 package@N+1. Packages are sampled afresh and never
                                                 one that bench/deps/data/real.tsv drew from.
  planted.tsv  ecosystem<TAB>name<TAB>target<TAB>kind
                                                 typosquats made by this file's own generator from
                                                 ranks 1-5000 of rules/packages/{npm,pypi,crates}.txt.

Written without reading the detector's source or bench/deps/eval_data.py's generators.
Stdlib only. HTTP responses are cached under /tmp/deps-heldout-cache (DEPS_HELDOUT_CACHE), so a
second run is offline and gives the same files.

Usage: python3 bench/deps/heldout/make.py [--seed 20261204]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
DEV_REAL = ROOT / "bench/deps/data/real.tsv"
LISTS = ROOT / "rules/packages"
ENV_PKGS = Path("/work/.library/env/packages")
CACHE = Path(os.environ.get("DEPS_HELDOUT_CACHE", "/tmp/deps-heldout-cache"))
UA = "git-charter-bench/heldout (dependency-check evaluation; stdlib urllib)"
WORKERS = 4
PER_SOURCE_CAP = 40  # at most this many additions kept per source package (a random sample)
TARGET_RANKS = 5000
PLANTED_PER_ECO = 800

# --------------------------------------------------------------------------------------------
# HTTP with a disk cache


def fetch(url: str, accept: str = "application/json") -> bytes | None:
    """GET url (cached); None on 404/410 or persistent failure."""
    key = hashlib.sha1(f"{accept} {url}".encode()).hexdigest()
    path = CACHE / key[:2] / key
    if path.exists():
        data = path.read_bytes()
        return None if data == b"\x00MISSING" else data
    req = urllib.request.Request(url, headers={"User-Agent": UA, "Accept": accept})
    for attempt in range(5):
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                data = r.read()
            break
        except urllib.error.HTTPError as e:
            if e.code in (404, 410):
                data = b"\x00MISSING"
                break
            if e.code == 429 or e.code >= 500:
                time.sleep(2 ** attempt)
                continue
            print(f"  HTTP {e.code} for {url}", file=sys.stderr)
            return None
        except Exception as e:  # timeouts, resets
            time.sleep(2 ** attempt)
            last = e
    else:
        print(f"  giving up on {url}: {last}", file=sys.stderr)
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp%d" % os.getpid())
    tmp.write_bytes(data)
    tmp.replace(path)
    return None if data == b"\x00MISSING" else data


def fetch_json(url: str, accept: str = "application/json"):
    data = fetch(url, accept)
    if data is None:
        return None
    try:
        return json.loads(data)
    except ValueError:
        return None


def pmap(fn, items):
    with ThreadPoolExecutor(WORKERS) as ex:
        return list(ex.map(fn, items))


# --------------------------------------------------------------------------------------------
# names


def pep503(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def cargo_norm(name: str) -> str:
    return name.lower().replace("_", "-")


def norm(eco: str, name: str) -> str:
    if eco == "pypi":
        return pep503(name)
    if eco == "cargo":
        return cargo_norm(name)
    return name.lower()


NPM_NAME = re.compile(r"^(@[a-z0-9~-][a-z0-9._~-]*/)?[a-z0-9~-][a-z0-9._~-]*$")
PYPI_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
CARGO_NAME = re.compile(r"^[a-z][a-z0-9-]*[a-z0-9]$")


def valid(eco: str, name: str) -> bool:
    if not 2 <= len(name) <= 64:
        return False
    if eco == "npm":
        return bool(NPM_NAME.match(name)) and len(name) <= 214
    if eco == "pypi":
        return bool(PYPI_NAME.match(name)) and "--" not in name
    return bool(CARGO_NAME.match(name)) and "--" not in name


def read_list(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text().splitlines() if ln.strip() and not ln.startswith("#")]


def dev_sources() -> dict[str, set[str]]:
    """Packages the development set's real additions came from, per ecosystem (normalised)."""
    out = defaultdict(set)
    for line in DEV_REAL.read_text().splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        pkg = parts[2].rsplit("@", 1)[0]
        out[parts[0]].add(norm(parts[0], pkg))
    return out


# --------------------------------------------------------------------------------------------
# versions

REL = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)(\+[0-9A-Za-z.-]+)?$")


def semver_key(v: str):
    m = REL.match(v)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


PEP440_FINAL = re.compile(r"^v?(\d+(?:\.\d+)*)(?:[.-]?post[.-]?(\d+))?$", re.I)


def pep440_key(v: str):
    m = PEP440_FINAL.match(v.strip())
    if not m:
        return None  # pre-release, dev release or unparsable
    nums = [int(x) for x in m.group(1).split(".")]
    while len(nums) > 1 and nums[-1] == 0:
        nums.pop()
    return (tuple(nums), int(m.group(2) or -1))


def additions(versions: list[tuple[str, set[str] | None]]):
    """versions in order; yields (name, version) for names in N+1 not in N (None = unknown)."""
    for (_, prev), (ver, cur) in zip(versions, versions[1:]):
        if prev is None or cur is None:
            continue
        for name in sorted(cur - prev):
            yield name, ver


def keep_additions(rng, eco, pkg, adds) -> list[tuple[str, str, str]]:
    """Each name once per source package (its first addition); at most PER_SOURCE_CAP, sampled."""
    first = {}
    for name, ver in adds:
        first.setdefault(name, ver)
    items = sorted(first.items())
    if len(items) > PER_SOURCE_CAP:
        items = sorted(rng.sample(items, PER_SOURCE_CAP))
    return [(eco, name, f"{pkg}@{ver}") for name, ver in items]


# --------------------------------------------------------------------------------------------
# npm

NPM_DEP_FIELDS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")


def npm_dep_names(meta: dict) -> set[str]:
    names = set()
    for field in NPM_DEP_FIELDS:
        deps = meta.get(field) or {}
        if not isinstance(deps, dict):
            continue
        for key, spec in deps.items():
            name = key
            if isinstance(spec, str) and spec.startswith("npm:"):  # alias: "x": "npm:real@^1"
                real = spec[4:]
                at = real.find("@", 1)  # a leading "@" is the scope's
                name = real if at < 0 else real[:at]
            name = name.strip().lower()
            if NPM_NAME.match(name):
                names.add(name)
    return names


def npm_source(pkg: str):
    doc = fetch_json("https://registry.npmjs.org/" + urllib.parse.quote(pkg, safe="@"),
                     "application/vnd.npm.install-v1+json")
    if not doc or not isinstance(doc.get("versions"), dict):
        return []
    vs = []
    for ver, meta in doc["versions"].items():
        k = semver_key(ver)
        if k is not None and isinstance(meta, dict):
            vs.append((k, ver, npm_dep_names(meta)))
    vs.sort()
    return list(additions([(v, d) for _, v, d in vs]))


def build_npm(rng, avoid) -> list:
    rows = []
    for line in (ENV_PKGS / "npm.tsv").read_text().splitlines()[1:]:
        p = line.split("\t")
        if len(p) >= 3 and p[2].isdigit():
            rows.append((p[0], int(p[2])))
    bands = [(1_000, 10_000), (10_000, 100_000), (100_000, 1_000_000),
             (1_000_000, 10_000_000), (10_000_000, 10 ** 12)]
    per_band = 60
    out = []
    used = []
    for lo, hi in bands:
        cands = sorted(n for n, d in rows if lo <= d < hi and n.lower() not in avoid
                       and NPM_NAME.match(n.lower()))
        rng.shuffle(cands)
        got = 0
        i = 0
        while got < per_band and i < len(cands):
            batch = cands[i:i + 40]
            i += 40
            for pkg, adds in zip(batch, pmap(npm_source, batch)):
                if got >= per_band or not adds:
                    continue
                got += 1
                used.append(pkg)
                out += keep_additions(rng, "npm", pkg, adds)
        print(f"  npm band {lo}-{hi}: {got} packages", file=sys.stderr)
    return out, used


# --------------------------------------------------------------------------------------------
# pypi

REQ_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
PYPI_MAX_VERSIONS = 40
# bounds on projects tried (many have no wheel metadata here, or no dependency change): time
PYPI_TRIES_PER_BAND = 180
PYPI_TRIES_TOP_UP = 240


def pypi_source(pkg: str):
    doc = fetch_json(f"https://pypi.org/pypi/{urllib.parse.quote(pkg)}/json")
    if not doc:
        return []
    rels = []
    for ver, files in (doc.get("releases") or {}).items():
        k = pep440_key(ver)
        if k is None or not files or all(f.get("yanked") for f in files):
            continue
        rels.append((k, ver))
    rels.sort()
    rels = rels[-PYPI_MAX_VERSIONS:]
    if len(rels) < 2:
        return []

    def deps(ver):
        # the per-release JSON is not served here; read the wheel's core metadata (PEP 658)
        files = [f for f in doc["releases"][ver] if f.get("filename", "").endswith(".whl")
                 and not f.get("yanked")]
        if not files:
            return None  # sdist only: dependencies unknown, not "none"
        files.sort(key=lambda f: (0 if f["filename"].endswith("-none-any.whl") else 1, f["filename"]))
        url = files[0]["url"]
        if url.startswith("../../packages/"):  # some answers give file URLs relative to the mirror
            url = "https://files.pythonhosted.org/" + url[len("../../packages/"):]
        if not url.startswith("https://"):
            return None
        data = fetch(url + ".metadata", "*/*")
        if data is None:
            return None
        names = set()
        for line in data.decode("utf-8", "replace").splitlines():
            if not line.strip():
                break  # end of the headers
            if line.lower().startswith("requires-dist:"):
                m = REQ_NAME.match(line.split(":", 1)[1])
                if m:
                    names.add(pep503(m.group(1)))
        return names

    with ThreadPoolExecutor(3) as ex:  # nested under pmap: at most WORKERS x 3 requests at once
        found = list(ex.map(deps, [ver for _, ver in rels]))
    vs = list(zip([ver for _, ver in rels], found))
    return list(additions(vs))


def build_pypi(rng, avoid) -> list:
    ranked, unranked = [], []
    for line in (ENV_PKGS / "pypi.tsv").read_text().splitlines()[1:]:
        p = line.split("\t")
        if len(p) < 4:
            continue
        n = pep503(p[0])
        if n in avoid or not PYPI_NAME.match(n):
            continue
        if p[3].strip().isdigit():
            ranked.append((int(p[3]), n))
        elif p[2] >= "2023":  # recently released, unranked: the long tail
            unranked.append(n)
    ranked.sort()
    bands = [[n for r, n in ranked if r <= 1000], [n for r, n in ranked if 1000 < r <= 5000],
             [n for r, n in ranked if 5000 < r], sorted(set(unranked))]
    per_band = [45, 45, 40, 20]
    out, used = [], []
    for cands, want in zip(bands, per_band):
        cands = list(cands)
        rng.shuffle(cands)
        got = i = 0
        while got < want and i < min(len(cands), PYPI_TRIES_PER_BAND):
            batch = cands[i:i + 12]
            i += 12
            for pkg, adds in zip(batch, pmap(pypi_source, batch)):
                if got >= want or not adds:
                    continue
                got += 1
                used.append(pkg)
                out += keep_additions(rng, "pypi", pkg, adds)
        print(f"  pypi band: {got} packages, {len(out)} additions so far", file=sys.stderr)
    # top up from all ranked projects until the set has enough additions (at most 250 projects)
    rest = [n for _, n in ranked if n not in used]
    rng.shuffle(rest)
    i = 0
    while len(out) < 1500 and len(used) < 250 and i < min(len(rest), PYPI_TRIES_TOP_UP):
        batch = rest[i:i + 12]
        i += 12
        for pkg, adds in zip(batch, pmap(pypi_source, batch)):
            if adds and len(used) < 250:
                used.append(pkg)
                out += keep_additions(rng, "pypi", pkg, adds)
        print(f"  pypi top-up: {len(used)} packages, {len(out)} additions so far", file=sys.stderr)
    return out, used


# --------------------------------------------------------------------------------------------
# cargo


def index_path(name: str) -> str:
    n = name.lower()
    if len(n) <= 2:
        return f"{len(n)}/{n}"
    if len(n) == 3:
        return f"3/{n[0]}/{n}"
    return f"{n[:2]}/{n[2:4]}/{n}"


def cargo_index(name: str):
    data = fetch("https://index.crates.io/" + index_path(name), "text/plain")
    if data is None:
        return None
    out = []
    for line in data.decode("utf-8", "replace").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            pass
    return out


def cargo_versions(entries):
    vs = []
    for e in entries:
        k = semver_key(e.get("vers", ""))
        if k is None or e.get("yanked"):
            continue
        names = set()
        for d in e.get("deps") or []:
            names.add(cargo_norm(d.get("package") or d.get("name") or ""))
        names.discard("")
        vs.append((k, e["vers"], names))
    vs.sort()
    return vs


def build_cargo(rng, avoid, seeds) -> tuple[list, list, set]:
    seen_names: set[str] = set()  # every crate name met in any fetched index file
    pool: set[str] = set()  # names met as dependencies
    fetched: dict[str, list] = {}

    def absorb(name, entries):
        fetched[name] = entries
        if not entries:
            return
        seen_names.add(cargo_norm(name))
        for e in entries:
            for d in e.get("deps") or []:
                n = cargo_norm(d.get("package") or d.get("name") or "")
                if n:
                    pool.add(n)
                    seen_names.add(n)

    for name, entries in zip(seeds, pmap(cargo_index, seeds)):
        absorb(name, entries)
    out, used = [], []
    want = 300
    while len(used) < want:
        cands = sorted(n for n in pool if n not in fetched and n not in avoid)
        if not cands:
            break
        batch = rng.sample(cands, min(30, len(cands)))
        for name, entries in zip(batch, pmap(cargo_index, batch)):
            absorb(name, entries)
            if not entries or len(used) >= want:
                continue
            vs = cargo_versions(entries)
            adds = list(additions([(v, d) for _, v, d in vs]))
            if adds:
                used.append(name)
                out += keep_additions(rng, "cargo", name, adds)
        print(f"  cargo: {len(used)} crates, {len(out)} additions, pool {len(pool)}", file=sys.stderr)
    return out, used, seen_names


# --------------------------------------------------------------------------------------------
# planted typosquats

QWERTY = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbours():
    pos = {}
    for r, row in enumerate(QWERTY):
        for c, ch in enumerate(row):
            pos[ch] = (r, c)
    nb = {}
    for ch, (r, c) in pos.items():
        out = []
        for dr, dc in ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0)):
            rr, cc = r + dr, c + dc
            if 0 <= rr < len(QWERTY) and 0 <= cc < len(QWERTY[rr]):
                o = QWERTY[rr][cc]
                # stay within letters for letters, digits for digits
                if o.isalpha() == ch.isalpha():
                    out.append(o)
        nb[ch] = out
    return nb


NEIGHBOURS = _neighbours()
VOWELS = "aeiou"
LOOKALIKES = [("l", "1"), ("o", "0"), ("m", "rn"), ("w", "vv"), ("i", "l")]
COMBO = ["-cli", "-utils", "-sdk", "-core", "2", "the-", "real-"]
FAKE_SCOPES = ["npmjs-official", "js-pkg", "nodelibs", "devkit-hq", "opensrc-js", "pkg-mirror",
               "web-toolkit", "lib-npm", "jsutils-org", "node-modules-io", "typed-pkgs", "corejs-team"]


def positions(s, pred):
    return [i for i, ch in enumerate(s) if pred(i, ch)]


def mutate(kind: str, s: str, rng: random.Random) -> str | None:
    """One edit of the given kind on a bare name s (no scope); None if it does not apply."""
    if kind == "keyboard":
        ps = positions(s, lambda i, c: c in NEIGHBOURS and c.isalpha())
        if not ps:
            return None
        i = rng.choice(ps)
        return s[:i] + rng.choice(NEIGHBOURS[s[i]]) + s[i + 1:]
    if kind == "drop":
        ps = positions(s, lambda i, c: c.isalpha())
        if len(ps) < 2:
            return None
        i = rng.choice(ps)
        return s[:i] + s[i + 1:]
    if kind == "double":
        ps = positions(s, lambda i, c: c.isalpha())
        if not ps:
            return None
        i = rng.choice(ps)
        return s[:i + 1] + s[i] + s[i + 1:]
    if kind == "swap":
        ps = [i for i in range(len(s) - 1) if s[i].isalpha() and s[i + 1].isalpha() and s[i] != s[i + 1]]
        if not ps:
            return None
        i = rng.choice(ps)
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if kind == "vowel":
        ps = positions(s, lambda i, c: c in VOWELS)
        if not ps:
            return None
        i = rng.choice(ps)
        return s[:i] + rng.choice([v for v in VOWELS if v != s[i]]) + s[i + 1:]
    if kind == "hyphen":
        dashes = positions(s, lambda i, c: c == "-")
        gaps = [i for i in range(1, len(s)) if s[i - 1].isalnum() and s[i].isalnum()]
        if dashes and (not gaps or rng.random() < 0.5):
            i = rng.choice(dashes)
            return s[:i] + s[i + 1:]
        if not gaps:
            return None
        i = rng.choice(gaps)
        return s[:i] + "-" + s[i:]
    if kind == "lookalike":
        opts = [(i, new) for old, new in LOOKALIKES for i in range(len(s)) if s.startswith(old, i)]
        if not opts:
            return None
        i, new = rng.choice(opts)
        return s[:i] + new + s[i + 1:]
    if kind == "plural":
        if s.endswith("s") and len(s) > 2 and rng.random() < 0.7:
            return s[:-1]
        return s + "s"
    if kind == "combo":
        a = rng.choice(COMBO)
        return a + s if a.endswith("-") else s + a
    raise ValueError(kind)


def build_planted(rng, eco, targets, forbidden, npm_scopes_in_use) -> list:
    kinds = ["keyboard", "drop", "double", "swap", "vowel", "hyphen", "lookalike", "plural", "combo"]
    if eco == "npm":
        kinds.append("scope")
    quota = {k: PLANTED_PER_ECO // len(kinds) + (1 if i < PLANTED_PER_ECO % len(kinds) else 0)
             for i, k in enumerate(kinds)}
    made: set[str] = set()
    rows = []
    scoped = [t for t in targets if t.startswith("@")]
    unscoped = [t for t in targets if not t.startswith("@")]
    scopes = [s for s in FAKE_SCOPES if s not in npm_scopes_in_use]
    for kind in kinds:
        got = tries = 0
        while got < quota[kind] and tries < 200_000:
            tries += 1
            if kind == "scope":
                if rng.random() < 0.5 and scoped:
                    target = rng.choice(scoped)
                    name = target.split("/", 1)[1]  # the scope dropped
                else:
                    target = rng.choice(unscoped)
                    name = f"@{rng.choice(scopes)}/{target}"
            else:
                target = rng.choice(targets)
                if target.startswith("@"):
                    if kind == "combo":
                        continue  # a combosquat cannot live under the owner's scope
                    scope, bare = target[1:].split("/", 1)
                    m = mutate(kind, scope, rng)  # squat the scope: a lookalike scope is registrable
                    name = None if m is None else f"@{m}/{bare}"
                else:
                    name = mutate(kind, target, rng)
            if name is None:
                continue
            name = norm(eco, name)
            if name == norm(eco, target) or not valid(eco, name) or name in made or name in forbidden:
                continue
            made.add(name)
            rows.append((eco, name, target, kind))
            got += 1
        if got < quota[kind]:
            print(f"  {eco} {kind}: only {got} of {quota[kind]}", file=sys.stderr)
    return rows


# --------------------------------------------------------------------------------------------


def write_tsv(path: Path, header: list[str], rows):
    with open(path, "w") as f:
        f.write("\t".join(header) + "\n")
        for r in sorted(set(rows)):
            f.write("\t".join(r) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20261204)
    args = ap.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    avoid = dev_sources()

    lists = {"npm": read_list(LISTS / "npm.txt"), "pypi": read_list(LISTS / "pypi.txt"),
             "cargo": read_list(LISTS / "crates.txt")}

    print("real additions: npm", file=sys.stderr)
    npm_rows, npm_used = build_npm(random.Random(args.seed + 1), avoid["npm"])
    print("real additions: pypi", file=sys.stderr)
    pypi_rows, pypi_used = build_pypi(random.Random(args.seed + 2), avoid["pypi"])
    print("real additions: cargo", file=sys.stderr)
    crng = random.Random(args.seed + 3)
    seeds = [n for n in lists["cargo"][200:TARGET_RANKS] if n not in avoid["cargo"]]
    seeds = crng.sample(seeds, 40)
    cargo_rows, cargo_used, cargo_seen = build_cargo(crng, avoid["cargo"], seeds)
    real = npm_rows + pypi_rows + cargo_rows
    write_tsv(HERE / "real.tsv", ["ecosystem", "name", "from"], real)

    # names that are real packages: never planted
    npm_real = {ln.split("\t", 1)[0].lower() for ln in (ENV_PKGS / "npm.tsv").read_text().splitlines()[1:]}
    pypi_real = {pep503(ln.split("\t", 1)[0]) for ln in (ENV_PKGS / "pypi.tsv").read_text().splitlines()[1:]}
    npm_scopes = {n[1:].split("/", 1)[0] for n in npm_real if n.startswith("@")}
    forbidden = {
        "npm": {norm("npm", n) for n in lists["npm"]} | npm_real | {r[1] for r in npm_rows},
        "pypi": {norm("pypi", n) for n in lists["pypi"]} | pypi_real | {r[1] for r in pypi_rows},
        "cargo": {norm("cargo", n) for n in lists["cargo"]} | cargo_seen | {r[1] for r in cargo_rows},
    }
    planted = []
    for i, eco in enumerate(("npm", "pypi", "cargo")):
        targets = lists[eco][:TARGET_RANKS]
        planted += build_planted(random.Random(args.seed + 10 + i), eco, targets, forbidden[eco], npm_scopes)
    write_tsv(HERE / "planted.tsv", ["ecosystem", "name", "target", "kind"], planted)

    for eco, used in (("npm", npm_used), ("pypi", pypi_used), ("cargo", cargo_used)):
        n_real = sum(1 for r in real if r[0] == eco)
        n_pl = sum(1 for r in planted if r[0] == eco)
        print(f"{eco}: {len(used)} source packages, {n_real} real additions, {n_pl} planted", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
