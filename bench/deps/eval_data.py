#!/usr/bin/env python3
"""Write the evaluation set of the dependency (typosquat) check under bench/deps/data/.

real.tsv     ecosystem, name, from -- REAL dependency additions: a name that release N+1 of a
             public package depends on and release N did not, from the registries' own metadata
             (npm: every release's dependency maps; PyPI: Requires-Dist of each release's wheel
             metadata; cargo: the sparse-index records). These are what the check must NOT flag.
planted.tsv  ecosystem, name, target, kind -- PLANTED typosquats, generated here from the most
             popular names of rules/packages/*.txt with the mutation kinds of the typosquatting
             literature (omission, repetition, transposition, substitution, insertion, homoglyph,
             separator, reorder, affix, and for npm scope). What the check should flag. A
             generated name that is a real package (on the list, or anywhere in the registry lists
             we have) is dropped.

Both are deterministic: fixed seeds, sorted samples, sorted output. Registry answers are cached
under /tmp/deps-cache (common.py), so a re-run asks nothing new. Needs rules/packages/*.txt and
the crates crawl from lists.py (run that first; it is reused from its cache).

Usage: python3 bench/deps/eval_data.py
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    CACHE, CRATE_NAME, RangeFile, PACKAGES, PYPI_NAME, RULES, cargo_norm, fetch, parallel, pep440_is_pre,
    pep440_key, pep503, progress, read_list, semver_is_pre, semver_key, valid_npm,
)
import lists  # noqa: E402

csv.field_size_limit(1 << 24)
OUT = Path(__file__).resolve().parent / "data"
SEED = 20261204

# real additions: how many packages per ecosystem, and from where in the popularity order
NPM_BANDS = [(500, 2_000), (2_000, 5_000), (5_000, 15_000), (15_000, 30_000), (30_000, 60_000)]
NPM_PER_BAND = 80
PYPI_BANDS = [(1, 500), (500, 2_000), (2_000, 5_000), (5_000, 10_000), (10_000, 15_001)]
PYPI_PER_BAND = 160
PYPI_VERSIONS = 30          # the newest non-prerelease releases compared, per project
CARGO_SAMPLE = 500
MAX_PER_PACKAGE = 60        # the most recent additions kept per package, so no one package dominates

# planted typosquats
TOP_TARGETS = {"npm": 3000, "pypi": 3000, "cargo": 3000, "go": 10_000, "maven": 10_000}
PER_ECOSYSTEM = {"npm": 1500, "pypi": 1500, "cargo": 1500, "go": 315, "maven": 315}
KINDS = ["omission", "repetition", "transposition", "substitution", "insertion", "homoglyph",
         "separator", "reorder", "affix", "scope"]


def band_sample(names: list[str], bands, per_band: int, rng: random.Random) -> list[str]:
    """`per_band` names drawn from each [lo, hi) band of 1-based popularity ranks."""
    out = []
    for lo, hi in bands:
        pool = names[lo - 1: hi - 1]
        out += rng.sample(pool, min(per_band, len(pool)))
    return out


def additions(history: list[tuple[str, set[str]]], package: str) -> list[tuple[str, str]]:
    """(name, package@version) for each name in a release's set that the previous release lacked;
    the newest MAX_PER_PACKAGE of them."""
    out = []
    for (_, before), (vers, after) in zip(history, history[1:]):
        for name in sorted(after - before):
            out.append((name, f"{package}@{vers}"))
    return out[-MAX_PER_PACKAGE:]


# ---------------------------------------------------------------- npm

def npm_alias_target(spec) -> str | None:
    """`npm:real-name@range` (an aliased dependency) -> real-name."""
    if not isinstance(spec, str) or not spec.startswith("npm:"):
        return None
    spec = spec[4:]
    at = spec.find("@", 1)
    return spec[:at] if at > 0 else spec


def npm_history(name: str) -> list[tuple[str, set[str]]]:
    body = fetch(f"https://registry.npmjs.org/{name.replace('/', '%2F')}",
                 accept="application/vnd.npm.install-v1+json")
    if not body:
        return []
    try:
        doc = json.loads(body)
    except json.JSONDecodeError:
        return []
    versions = doc.get("versions") or {}
    rows = []
    for vers, meta in versions.items():
        if not isinstance(meta, dict) or semver_key(vers) is None or semver_is_pre(vers):
            continue
        deps = set()
        for field in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
            m = meta.get(field)
            if not isinstance(m, dict):
                continue
            for key, spec in m.items():
                real = npm_alias_target(spec) or key
                real = real.strip()
                if real and " " not in real:
                    deps.add(real)
        rows.append((vers, deps))
    rows.sort(key=lambda r: semver_key(r[0]))
    return rows


def npm_real(rng: random.Random) -> list[tuple[str, str, str]]:
    ranked = [n for n, _ in lists.npm_rows() if valid_npm(n)]
    ranked = list(dict.fromkeys(ranked))
    sample = band_sample(ranked, NPM_BANDS, NPM_PER_BAND, rng)
    progress(f"npm: {len(sample)} packages")
    histories = parallel(npm_history, sample, workers=8)
    rows = []
    for pkg, hist in zip(sample, histories):
        rows += [("npm", n, f) for n, f in additions(hist, pkg)]
    return rows


# ---------------------------------------------------------------- PyPI

REQ_NAME = re.compile(r"^\s*([^ ;\[(<>=!~@]+)")


def requires_dist_names(reqs) -> set[str]:
    out = set()
    for req in reqs or []:
        m = REQ_NAME.match(req)
        if m:
            name = pep503(m.group(1).strip())
            if PYPI_NAME.match(name):
                out.add(name)
    return out


def metadata_requires(text: str) -> list[str]:
    """Requires-Dist values of a core-metadata file (RFC 822 headers; the body is ignored)."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            break
        if line.lower().startswith("requires-dist:"):
            out.append(line.split(":", 1)[1].strip())
    return out


def file_url(url: str) -> str:
    """Some project-JSON answers give file URLs relative to a mirror's layout
    (../../packages/packages/ab/cd/...); they live on the usual file host."""
    if url.startswith("../../packages/"):
        return "https://files.pythonhosted.org/" + url[len("../../packages/"):]
    return url


def wheel_metadata(f: dict) -> str | None:
    """The core metadata of a wheel: its PEP 658 `.metadata` file when served, else the
    *.dist-info/METADATA member read out of the wheel with HTTP range requests (its zip
    directory and that member only; the extracted text is cached)."""
    url = file_url(f["url"])
    if f.get("core-metadata"):
        body = fetch(url + ".metadata")
        if body is not None:
            return body.decode("utf-8", "replace")
    if not f.get("size"):
        return None
    digest = (f.get("digests") or {}).get("sha256") or re.sub(r"\W", "_", url)[-64:]
    saved = CACHE / "wheel-metadata" / f"{digest}.txt"
    if saved.exists():
        return saved.read_text() or None
    text = ""
    try:
        with zipfile.ZipFile(RangeFile(url, f["size"])) as zf:
            member = next((m for m in zf.namelist()
                           if m.count("/") == 1 and m.endswith(".dist-info/METADATA")), None)
            if member:
                text = zf.read(member).decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, EOFError):
        pass
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(text)
    return text or None


def pypi_release_requires(args) -> set[str] | None:
    """Dependency names of one release, from a wheel's core metadata (a pure-Python wheel when
    there is one); else from the per-release JSON; None when neither is available."""
    project, vers, files = args
    wheels = [f for f in files if f.get("filename", "").endswith(".whl") and not f.get("yanked")]
    wheels.sort(key=lambda f: (not f.get("core-metadata"),
                               not f["filename"].endswith("-none-any.whl"),
                               f.get("size") or 0, f["filename"]))
    for f in wheels[:2]:
        text = wheel_metadata(f)
        if text is not None:
            return requires_dist_names(metadata_requires(text))
    body = fetch(f"https://pypi.org/pypi/{project}/{vers}/json")
    if body is None:
        return None
    try:
        return requires_dist_names((json.loads(body).get("info") or {}).get("requires_dist"))
    except json.JSONDecodeError:
        return None


def pypi_releases(project: str) -> list[tuple[str, list]]:
    """The newest PYPI_VERSIONS non-prerelease, not wholly yanked releases, oldest first."""
    body = fetch(f"https://pypi.org/pypi/{project}/json")
    if not body:
        return []
    try:
        releases = json.loads(body).get("releases") or {}
    except json.JSONDecodeError:
        return []
    rows = []
    for vers, files in releases.items():
        if not files or all(f.get("yanked") for f in files):
            continue
        if pep440_key(vers) is None or pep440_is_pre(vers):
            continue
        rows.append((vers, files))
    rows.sort(key=lambda r: pep440_key(r[0]))
    return rows[-PYPI_VERSIONS:]


def pypi_real(rng: random.Random) -> list[tuple[str, str, str]]:
    ranked = lists.pypi_list()
    sample = band_sample(ranked, PYPI_BANDS, PYPI_PER_BAND, rng)
    progress(f"pypi: {len(sample)} projects")
    releases = parallel(pypi_releases, sample, workers=8)
    jobs = [(p, v, files) for p, rel in zip(sample, releases) for v, files in rel]
    progress(f"pypi: {len(jobs)} releases")
    reqs = dict(zip([(p, v) for p, v, _ in jobs], parallel(pypi_release_requires, jobs, workers=8)))
    rows = []
    for p, rel in zip(sample, releases):
        hist = [(v, reqs[(p, v)]) for v, _ in rel if reqs[(p, v)] is not None]
        rows += [("pypi", n, f) for n, f in additions(hist, p)]
    return rows


# ---------------------------------------------------------------- cargo

def cargo_history(spelling: str) -> list[tuple[str, set[str]]]:
    records = lists.ordered_versions(lists.fetch_crate(spelling))
    hist = []
    for r in records:
        if semver_is_pre(r["vers"]):
            continue
        deps = {cargo_norm(n) for n in (lists.dep_name(d) for d in r.get("deps") or []) if n}
        hist.append((r["vers"], deps))
    return hist


def cargo_real(rng: random.Random) -> list[tuple[str, str, str]]:
    crawl = json.loads((lists.CACHE / "crates-crawl.json").read_text())
    crawled, spelling = crawl["crates"], crawl["spelling"]
    # every crawled crate, by in-degree rank (crates nothing depends on go last, by name)
    ranked = [n for n, *_ in lists.crates_ranking(crawled) if n in crawled]
    ranked += sorted(set(crawled) - set(ranked))
    step = len(ranked) / CARGO_SAMPLE
    sample = []
    for i in range(CARGO_SAMPLE):   # one crate from each equal slice of the ranking
        lo, hi = int(i * step), max(int((i + 1) * step), int(i * step) + 1)
        sample.append(ranked[rng.randrange(lo, hi)])
    progress(f"cargo: {len(sample)} crates")
    histories = parallel(lambda n: cargo_history(spelling[n]), sample, workers=16)
    rows = []
    for crate, hist in zip(sample, histories):
        rows += [("cargo", n, f) for n, f in additions(hist, spelling[crate])]
    return rows


# ---------------------------------------------------------------- planted typosquats

ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"]
ROW_OFFSET = [0.0, 0.5, 0.75, 1.25]   # horizontal stagger of each keyboard row, in key widths


def qwerty_neighbours() -> dict[str, str]:
    """Keys next to each key on a QWERTY keyboard: left/right on its row, and the keys of the
    rows above and below whose centres lie within one key width."""
    pos = {c: (r, i + ROW_OFFSET[r]) for r, row in enumerate(ROWS) for i, c in enumerate(row)}
    out = {}
    for c, (r, x) in pos.items():
        out[c] = "".join(sorted(
            d for d, (r2, x2) in pos.items()
            if d != c and ((r2 == r and abs(x2 - x) == 1) or (abs(r2 - r) == 1 and abs(x2 - x) <= 0.75))
        ))
    return out


NEIGHBOURS = qwerty_neighbours()
HOMOGLYPHS = [("l", "1"), ("1", "l"), ("o", "0"), ("0", "o"), ("i", "l"), ("l", "i"),
              ("m", "rn"), ("w", "vv")]
AFFIXES = {   # (prefix, suffix) pairs; "#" is a digit
    "npm": [("", "#"), ("", "-js"), ("", "js"), ("", "-dev"), ("node-", "")],
    "pypi": [("", "#"), ("", "-py"), ("", "py"), ("", "-dev"), ("py-", "")],
    "cargo": [("", "#"), ("", "-rs"), ("", "rs"), ("", "-dev"), ("", "-py")],
    "go": [("", "#"), ("", "-go"), ("go-", ""), ("", "-dev")],
    "maven": [("", "#"), ("", "-java"), ("", "-dev"), ("", "-jdk")],
}
SEPARATORS = {"npm": "-_.", "go": "-_.", "maven": "-_."}


def mutate(kind: str, s: str, eco: str, rng: random.Random) -> str | None:
    """One `kind` mutation of the string `s`, or None when `s` admits none."""
    n = len(s)
    if kind == "omission":
        i = rng.randrange(n)
        return s[:i] + s[i + 1:]
    if kind == "repetition":
        idx = [i for i, c in enumerate(s) if c.isalnum()]
        i = rng.choice(idx) if idx else None
        return None if i is None else s[:i + 1] + s[i:]
    if kind == "transposition":
        idx = [i for i in range(n - 1) if s[i] != s[i + 1]]
        if not idx:
            return None
        i = rng.choice(idx)
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if kind == "substitution":
        idx = [i for i, c in enumerate(s) if c in NEIGHBOURS]
        if not idx:
            return None
        i = rng.choice(idx)
        return s[:i] + rng.choice(NEIGHBOURS[s[i]]) + s[i + 1:]
    if kind == "insertion":   # a key next to the one typed, struck with it (before or after)
        idx = [i for i, c in enumerate(s) if c in NEIGHBOURS]
        if not idx:
            return None
        i = rng.choice(idx)
        extra = rng.choice(NEIGHBOURS[s[i]])
        return s[:i] + extra + s[i:] if rng.random() < 0.5 else s[:i + 1] + extra + s[i + 1:]
    if kind == "homoglyph":
        options = [(i, b, len(a)) for a, b in HOMOGLYPHS for i in range(n) if s.startswith(a, i)]
        if not options:
            return None
        i, b, width = rng.choice(options)
        return s[:i] + b + s[i + width:]
    if kind == "separator":
        seps = SEPARATORS.get(eco, "-")   # pypi, cargo: '-', '_' and '.' are one name
        at_sep = [i for i, c in enumerate(s) if c in "-_."]
        # a separator added inside the name, at least two characters from either end
        between = [i for i in range(2, n - 1) if s[i - 1].isalnum() and s[i].isalnum()]
        moves = []
        if at_sep:
            moves.append("remove")
            if len(seps) > 1:
                moves.append("swap")
        if between:
            moves.append("add")
        if not moves:
            return None
        move = rng.choice(moves)
        if move == "add":
            i = rng.choice(between)
            return s[:i] + rng.choice(seps) + s[i:]
        i = rng.choice(at_sep)
        if move == "remove":
            return s[:i] + s[i + 1:]
        return s[:i] + rng.choice([c for c in seps if c != s[i]]) + s[i + 1:]
    if kind == "reorder":
        tokens = s.split("-")
        if len(tokens) < 2 or len(set(tokens)) < 2:
            return None
        i, j = sorted(rng.sample(range(len(tokens)), 2))
        if tokens[i] == tokens[j]:
            return None
        tokens[i], tokens[j] = tokens[j], tokens[i]
        return "-".join(tokens)
    if kind == "affix":
        prefix, suffix = rng.choice(AFFIXES[eco])
        suffix = suffix.replace("#", str(rng.randrange(1, 10)))
        if (prefix and s.startswith(prefix)) or (suffix and s.endswith(suffix)):
            return None
        return prefix + s + suffix
    raise ValueError(kind)


def split_target(eco: str, name: str, rng: random.Random) -> tuple[str, str, str]:
    """(head, part to mutate, tail): npm scoped names keep their scope, Go module paths their host
    (and mutate the repository or, sometimes, the owner element), Maven coordinates their group."""
    if eco == "npm" and name.startswith("@") and "/" in name:
        scope, bare = name.split("/", 1)
        return scope + "/", bare, ""
    if eco == "go":
        parts = name.split("/")
        elems = [i for i in range(1, len(parts)) if not re.fullmatch(r"v\d+", parts[i])]
        if not elems:
            return "", "", ""
        k = elems[-1]   # the repository (or last path element), not a /vN suffix
        if len(parts) >= 3 and k != 1 and len(parts[1]) >= 4 and rng.random() >= 0.7:
            k = 1       # sometimes the owner instead
        return "/".join(parts[:k]) + "/", parts[k], "".join("/" + p for p in parts[k + 1:])
    if eco == "maven" and ":" in name:
        group, artifact = name.split(":", 1)
        return group + ":", artifact, ""
    return "", name, ""


def scope_variant(name: str, rng: random.Random) -> str | None:
    """npm scope confusion: `@scope/name` -> `scope-name` or `name`; `name` -> `@name/name`."""
    if name.startswith("@") and "/" in name:
        scope, bare = name[1:].split("/", 1)
        return rng.choice([f"{scope}-{bare}", bare])
    return f"@{name}/{name}" if rng.random() < 0.7 else f"@{name}js/{name}"


def normalise(eco: str, name: str) -> str:
    return pep503(name) if eco == "pypi" else cargo_norm(name) if eco == "cargo" else name


def valid(eco: str, name: str) -> bool:
    if eco == "npm":
        return valid_npm(name)
    if eco == "pypi":
        return bool(PYPI_NAME.match(name))
    if eco == "cargo":
        return bool(CRATE_NAME.match(name))
    if eco == "go":
        return bool(re.match(r"^[a-z0-9][A-Za-z0-9.-]*\.[a-z]+(/[A-Za-z0-9._~-]+)+$", name)) \
            and "//" not in name and not re.search(r"/[._-]|[._-]/|[._-]$", name)
    if eco == "maven":
        return bool(re.match(r"^[A-Za-z0-9_][A-Za-z0-9._-]*:[A-Za-z0-9_][A-Za-z0-9._-]*$", name)) \
            and not re.search(r"[._-]$|[._-][._-]", name)
    return False


def known_names() -> dict[str, set[str]]:
    """Names taken to be real packages, per ecosystem, normalised: a planted name must be none."""
    known = {eco: set() for eco in PER_ECOSYSTEM}
    for eco, file in [("npm", "npm.txt"), ("pypi", "pypi.txt"), ("cargo", "crates.txt"),
                      ("go", "go.txt"), ("maven", "maven.txt")]:
        known[eco] |= {normalise(eco, n) for n in read_list(RULES / file)}
    for eco, file in [("npm", "npm.tsv"), ("pypi", "pypi.tsv"), ("go", "go-partial.tsv"),
                      ("maven", "maven-partial.tsv")]:
        with open(PACKAGES / file, newline="") as f:
            reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            known[eco] |= {normalise(eco, row[0]) for row in reader if row}
    crawl = json.loads((lists.CACHE / "crates-crawl.json").read_text())
    for crate, info in crawl["crates"].items():
        known["cargo"].add(crate)
        known["cargo"] |= {d for d, _ in info["deps"]}
    return known


def planted(known: dict[str, set[str]], real: list[tuple[str, str, str]]) -> list[tuple]:
    for eco, name, _ in real:   # real additions are real packages too
        known[eco].add(normalise(eco, name))
    targets_of = {
        "npm": read_list(RULES / "npm.txt"), "pypi": read_list(RULES / "pypi.txt"),
        "cargo": read_list(RULES / "crates.txt"), "go": read_list(RULES / "go.txt"),
        "maven": read_list(RULES / "maven.txt"),
    }
    rows = []
    for eco, quota in PER_ECOSYSTEM.items():
        kinds = [k for k in KINDS if k != "scope" or eco == "npm"]
        per_kind = -(-quota // len(kinds))
        taken = set()
        targets = targets_of[eco][: TOP_TARGETS[eco]]
        for kind in kinds:
            rng = random.Random(f"{SEED}-{eco}-{kind}")
            pool = list(targets)
            rng.shuffle(pool)
            got = 0
            for target in pool:
                if got == per_kind:
                    break
                head, core, tail = split_target(eco, target, rng)
                if len(core) < 4:
                    continue
                if kind == "scope":
                    name = scope_variant(target, rng)
                else:
                    m = mutate(kind, core, eco, rng)
                    name = None if m is None else head + m + tail
                if name is None:
                    continue
                name = normalise(eco, name)
                if (name == normalise(eco, target) or not valid(eco, name)
                        or name in known[eco] or name in taken):
                    continue
                taken.add(name)
                rows.append((eco, name, target, kind))
                got += 1
            if got < per_kind:
                progress(f"planted: {eco} {kind}: only {got} of {per_kind}")
    return rows


# ---------------------------------------------------------------- main

def write_tsv(path: Path, header: list[str], rows) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    progress(f"wrote {path}: {len(rows)} rows, {path.stat().st_size:,} bytes")


def main() -> None:
    real = []
    real += npm_real(random.Random(f"{SEED}-npm"))
    real += pypi_real(random.Random(f"{SEED}-pypi"))
    real += cargo_real(random.Random(f"{SEED}-cargo"))
    real = sorted(set(real))
    write_tsv(OUT / "real.tsv", ["ecosystem", "name", "from"], real)
    counts = Counter(e for e, *_ in real)
    froms = defaultdict(set)
    for e, _, f in real:
        froms[e].add(f.rsplit("@", 1)[0])
    for eco in ("npm", "pypi", "cargo"):
        progress(f"real {eco}: {counts[eco]} additions from {len(froms[eco])} packages")

    rows = sorted(planted(known_names(), real))
    write_tsv(OUT / "planted.tsv", ["ecosystem", "name", "target", "kind"], rows)
    by = Counter((e, k) for e, _, _, k in rows)
    for eco in PER_ECOSYSTEM:
        progress(f"planted {eco}: " + ", ".join(f"{k} {by[(eco, k)]}" for k in KINDS if by[(eco, k)]))


if __name__ == "__main__":
    main()
