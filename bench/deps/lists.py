#!/usr/bin/env python3
"""Write rules/packages/{pypi,npm,crates,go,maven}.txt: the most-used package names per ecosystem.

These compact lists ship in the git-charter binary: the dependency check calls a newly added
dependency `popular` when it is on the list, and measures typosquat resemblance against it.
Each file has '#' header lines (source, derivation, date, count), then one name a line, most
popular first, no duplicates.

- pypi.txt   rows of pypi.tsv with a download rank (the 15,000 most downloaded), by rank,
             names normalised per PEP 503.
- npm.txt    the 30,000 names of npm.tsv with the most downloads a month (valid npm names only).
- crates.txt crates.io publishes no download counts that are reachable here, so popularity is
             approximated by dependency in-degree inside a breadth-first crawl of the sparse index
             (https://index.crates.io) from this repository's Cargo.lock plus well-known crates.
- go.txt, maven.txt  the served rows of the partial module lists in /work/.library/env/packages
             (commonly used modules, in the files' order -- not download ranks).

The crates crawl caches every index file under /tmp/deps-cache (see common.py) and saves its
result to /tmp/deps-cache/crates-crawl.json, which eval_data.py reuses.

Usage: python3 bench/deps/lists.py
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    CACHE, DATE, PACKAGES, REPO, RULES, cargo_norm, fetch, parallel, pep503, progress,
    semver_is_pre, semver_key, valid_npm, write_list,
)

csv.field_size_limit(1 << 24)

NPM_TOP = 30_000
CRATES_CRAWL = 6_000
CRATES_TOP = 5_000
DEV_WEIGHT = 0.5
OLDER_LINES = 3  # phase 2 of the crawl: release lines before the newest one to follow  # a dev-dependency counts half: it is not pulled into users' builds

# Well-known crates added to the crawl seeds (besides this repository's Cargo.lock), chosen to
# reach the main areas of the ecosystem: async, web, CLI, serialisation, crypto, data, GUI, embedded.
WELL_KNOWN_CRATES = """
tokio async-std futures hyper reqwest axum actix-web warp rocket tonic prost tower tracing log
env_logger clap structopt anyhow thiserror serde serde_json serde_yaml toml bincode rand regex
lazy_static once_cell chrono time uuid itertools rayon crossbeam parking_lot bytes byteorder
sha2 ring rustls openssl base64 hex flate2 zip tar walkdir tempfile glob libc nix winapi
windows-sys syn quote proc-macro2 diesel sqlx rusqlite redis mongodb image wgpu winit bevy
egui tauri wasm-bindgen js-sys web-sys num ndarray nalgebra polars arrow criterion proptest
indexmap hashbrown smallvec dashmap memchr aho-corasick url http mime cortex-m embedded-hal
nom pest ratatui crossterm indicatif dirs git2 notify semver cc bindgen pyo3 napi jni
""".split()


# ---------------------------------------------------------------- tsv-based lists

def pypi_list() -> list[str]:
    rows = []
    with open(PACKAGES / "pypi.tsv", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) >= 4 and row[3].strip():
                rows.append((int(row[3]), pep503(row[0])))
    rows.sort()
    seen, names = set(), []
    for _, name in rows:
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def npm_rows() -> list[tuple[str, int]]:
    """(name, downloads_a_month) of every npm.tsv row with a number, most downloaded first."""
    rows = []
    with open(PACKAGES / "npm.tsv", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) >= 3 and row[2].strip().isdigit():
                rows.append((row[0], int(row[2])))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


def npm_list() -> tuple[list[str], int]:
    seen, names, skipped = set(), [], 0
    for name, _ in npm_rows():
        if not valid_npm(name):
            skipped += 1
            continue
        if name not in seen:
            seen.add(name)
            names.append(name)
        if len(names) == NPM_TOP:
            break
    return names, skipped


def partial_list(file: str) -> list[str]:
    names, seen = [], set()
    with open(PACKAGES / file, newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) < 2 or not row[0].strip() or row[1].strip() == "not-served":
                continue
            name = row[0].strip()
            if name not in seen:
                seen.add(name)
                names.append(name)
    return names


# ---------------------------------------------------------------- crates.io sparse index

def index_url(name: str) -> str:
    n = name.lower()
    if len(n) == 1:
        path = f"1/{n}"
    elif len(n) == 2:
        path = f"2/{n}"
    elif len(n) == 3:
        path = f"3/{n[0]}/{n}"
    else:
        path = f"{n[:2]}/{n[2:4]}/{n}"
    return f"https://index.crates.io/{path}"


def index_versions(name: str) -> list[dict]:
    """All version records of a crate from its sparse-index file ([] when absent)."""
    body = fetch(index_url(name))
    if not body:
        return []
    out = []
    for line in body.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line:
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return out


def dep_name(dep: dict) -> str | None:
    """The real crate a dependency record points to (its `package` when renamed), or None when
    it comes from another registry."""
    if dep.get("registry"):
        return None
    return dep.get("package") or dep.get("name")


def ordered_versions(records: list[dict], include_yanked: bool = False) -> list[dict]:
    """Records sorted by semver, oldest first; releases only, unless a crate has no release."""
    recs = [r for r in records if (include_yanked or not r.get("yanked")) and semver_key(r["vers"])]
    recs.sort(key=lambda r: semver_key(r["vers"]))
    releases = [r for r in recs if not semver_is_pre(r["vers"])]
    return releases or recs


def newest(records: list[dict]) -> dict | None:
    recs = ordered_versions(records)
    return recs[-1] if recs else None


def cargo_lock_crates() -> list[str]:
    names, name = [], None
    for line in (REPO / "Cargo.lock").read_text().splitlines():
        if line.startswith("name = "):
            name = line.split('"')[1]
        elif line.startswith("source = ") and "registry+" in line and name:
            names.append(name)
    return sorted(set(names))


def fetch_crate(spelling: str) -> list[dict]:
    """All version records of a crate. The index file sits under the name's own spelling, and
    a dependency may spell '-' where the crate has '_' (cargo accepts both), so when the spelling
    as written is absent, try it with all '-' and with all '_' -- as cargo itself does."""
    for cand in dict.fromkeys([spelling, spelling.replace("-", "_"), spelling.replace("_", "-")]):
        records = index_versions(cand)
        if records:
            return records
    return []


def line_of(vers: str) -> tuple:
    """The semver-compatibility line of a version: 1.4.2 -> (1,), 0.3.7 -> (0, 3), 0.0.5 -> (0, 0, 5)."""
    major, minor, patch = semver_key(vers)[:3]
    return (major,) if major else (0, minor) if minor else (0, 0, patch)


def older_line_deps(records: list[dict], lines: int = OLDER_LINES) -> set[str]:
    """Dependency names of the newest release of each of the `lines` release lines before the
    newest one: where the crawl goes once the newest releases lead nowhere new."""
    by_line: dict[tuple, dict] = {}
    for r in ordered_versions(records):
        by_line[line_of(r["vers"])] = r
    out = set()
    for key in sorted(by_line)[:-1][-lines:]:
        for d in by_line[key].get("deps") or []:
            real = dep_name(d)
            if real:
                out.add(real)
    return out


def crawl_crates(limit: int = CRATES_CRAWL) -> dict:
    """Breadth-first crawl; returns {crate: {"vers": v, "deps": [[name, kind], ...]}} with the
    newest release's dependencies, names as normalised by cargo_norm.

    Phase 1 follows newest releases only. When that closure is exhausted below `limit`, phase 2
    adds the crates that older release lines of the crawled crates depended on, as new roots,
    and goes on with newest releases from there. Level by level, each level sorted, so the
    result is deterministic."""
    saved = CACHE / "crates-crawl.json"
    if saved.exists():
        data = json.loads(saved.read_text())
        if data.get("limit") == limit:
            return data["crates"]
    spelled = {cargo_norm(n): n for n in sorted(cargo_lock_crates() + WELL_KNOWN_CRATES)}
    crawled: dict[str, dict] = {}
    older: dict[str, set[str]] = {}
    frontier = sorted(spelled)
    level, phase2_done = 0, False
    while len(crawled) < limit:
        if not frontier:
            if phase2_done:
                break
            # phase 2: roots from older release lines, in the order the crates were crawled
            nxt = []
            for name in crawled:
                for real in sorted(older.get(name, ())):
                    dn = cargo_norm(real)
                    if dn not in spelled:
                        spelled[dn] = real
                        nxt.append(dn)
            progress(f"crates crawl: newest-release closure is {len(crawled)} crates; "
                     f"{len(nxt)} more from older release lines")
            frontier, phase2_done = nxt, True
            continue
        batch = frontier[: limit - len(crawled)]
        results = parallel(lambda n: (n, fetch_crate(spelled[n])), batch, workers=16)
        nxt = set()
        for name, records in results:
            rec = newest(records)
            if rec is None:
                continue
            deps = set()
            for d in rec.get("deps") or []:
                real = dep_name(d)
                if not real:
                    continue
                dn = cargo_norm(real)
                deps.add((dn, d.get("kind") or "normal"))
                if dn not in spelled:
                    spelled[dn] = real
                    nxt.add(dn)
            crawled[name] = {"vers": rec["vers"], "deps": sorted(deps)}
            older[name] = older_line_deps(records)
        progress(f"crates crawl: level {level}, {len(crawled)} crawled, {len(nxt)} new")
        frontier = sorted(nxt)
        level += 1
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps({"limit": limit, "crates": crawled,
                                 "spelling": {n: spelled[n] for n in crawled}}, sort_keys=True))
    return crawled


def crates_ranking(crawled: dict) -> list[tuple[str, float, int, int]]:
    """(crate, score, normal+build in-degree, dev-only in-degree), best first, ties by name."""
    strong, dev = defaultdict(set), defaultdict(set)
    for src, info in crawled.items():
        for dn, kind in info["deps"]:
            if dn == src:
                continue
            (dev if kind == "dev" else strong)[dn].add(src)
    rows = []
    for name in set(strong) | set(dev):
        s = len(strong[name])
        d = len(dev[name] - strong[name])
        rows.append((name, s + DEV_WEIGHT * d, s, d))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


# ---------------------------------------------------------------- main

def main() -> None:
    pypi = pypi_list()
    write_list(RULES / "pypi.txt", [
        "PyPI: the most downloaded projects, most downloaded first.",
        "Source: the download ranks (among the 15,000 most downloaded projects) in a list of PyPI "
        "projects taken shortly before that date; rows with a rank, by rank, names normalised per PEP 503.",
        f"Generated by bench/deps/lists.py on {DATE}.",
        f"Count: {len(pypi)}",
    ], pypi)

    npm, skipped = npm_list()
    write_list(RULES / "npm.txt", [
        "npm: the most downloaded packages, most downloads a month first.",
        f"Source: a list of npm registry packages with downloads a month, taken shortly before that "
        f"date; the top {NPM_TOP:,} by downloads ({skipped} invalid npm names skipped on the way).",
        f"Generated by bench/deps/lists.py on {DATE}.",
        f"Count: {len(npm)}",
    ], npm)

    crawled = crawl_crates()
    ranking = crates_ranking(crawled)[:CRATES_TOP]
    crates = [r[0] for r in ranking]
    write_list(RULES / "crates.txt", [
        "crates.io: widely depended-on crates, most depended-on first.",
        "NOT download counts (none were reachable): dependency in-degree within a breadth-first "
        f"crawl of the crates.io sparse index of {len(crawled):,} crates (seeds: git-charter's "
        "Cargo.lock plus ~100 well-known crates), following each crate's newest non-yanked release "
        f"(then, once that closure was exhausted, crates that the {OLDER_LINES} previous release "
        "lines of crawled crates depended on).",
        f"Score = crawled crates whose newest release depends on it (normal/build) + "
        f"{DEV_WEIGHT} x (dev-only); ties by name. Names lowercase, '_' written as '-'.",
        f"Generated by bench/deps/lists.py on {DATE}.",
        f"Count: {len(crates)}",
    ], crates)

    go = partial_list("go-partial.tsv")
    write_list(RULES / "go.txt", [
        "Go: commonly used module paths. A PARTIAL list in the source's (about alphabetical) order: "
        "NOT download ranks and not ordered by popularity.",
        "Source: a partial list of modules served by the Go module proxy (2026-12), "
        "'not-served' rows dropped.",
        f"Generated by bench/deps/lists.py on {DATE}.",
        f"Count: {len(go)}",
    ], go)

    maven = partial_list("maven-partial.tsv")
    write_list(RULES / "maven.txt", [
        "Maven: commonly used group:artifact coordinates. A PARTIAL list in the source's (about "
        "alphabetical) order: NOT download ranks and not ordered by popularity.",
        "Source: a partial list of artifacts served by Maven Central (2026-12), "
        "'not-served' rows dropped.",
        f"Generated by bench/deps/lists.py on {DATE}.",
        f"Count: {len(maven)}",
    ], maven)


if __name__ == "__main__":
    main()
