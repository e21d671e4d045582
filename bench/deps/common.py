"""Shared helpers for bench/deps/lists.py and bench/deps/eval_data.py (Python 3.11, stdlib only).

- `fetch(url)`: a polite HTTP GET (User-Agent naming git-charter-bench, gzip, retries with
  exponential backoff on 429/5xx/network errors) whose answers -- including 404s -- are cached
  under /tmp/deps-cache, so that re-running a generator asks the registries nothing new.
- `parallel(fn, items)`: a small thread pool (modest concurrency) returning results in input order,
  so outputs stay deterministic however the requests interleave.
- name normalisation per ecosystem, npm name validity, and version ordering (semver for npm and
  cargo, a PEP 440 subset for PyPI) with prerelease detection.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CACHE = Path(os.environ.get("DEPS_CACHE", "/tmp/deps-cache"))
USER_AGENT = "git-charter-bench/1 (dependency-list and typosquat evaluation generator)"
DATE = "2026-12-04"
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PACKAGES = Path("/work/.library/env/packages")
RULES = REPO / "rules" / "packages"


def _cache_path(url: str, accept: str | None) -> Path:
    parsed = urllib.parse.urlsplit(url)
    key = url + ("\n" + accept if accept else "")
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    tail = re.sub(r"[^A-Za-z0-9._@-]+", "_", parsed.path.strip("/"))[-80:]
    return CACHE / parsed.netloc / f"{tail}.{digest}.gz"


def fetch(url: str, accept: str | None = None, retries: int = 5) -> bytes | None:
    """GET `url`; the body, or None for 404/410. Cached (gzip) under CACHE; a miss is cached too."""
    path = _cache_path(url, accept)
    missing = path.with_suffix(".404")
    if path.exists():
        return gzip.decompress(path.read_bytes())
    if missing.exists():
        return None
    return _get(url, accept, retries, path, missing)


def fetch_range(url: str, start: int, end: int, retries: int = 5) -> bytes | None:
    """GET bytes start..end (inclusive) of `url` with a Range header; not cached."""
    return _get(url, None, retries, None, None, {"Range": f"bytes={start}-{end}"})


class RangeFile(io.RawIOBase):
    """A read-only, seekable view of a remote file of known size that fetches only the 64 KiB
    blocks read (HTTP Range requests): zipfile on it reads a wheel's directory and one member,
    not the whole wheel -- as pip's lazy wheels do."""

    BLOCK = 1 << 16

    def __init__(self, url: str, size: int):
        self.url, self.size, self.pos, self.blocks = url, size, 0, {}

    def readable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self.pos

    def seek(self, offset, whence=0):
        base = {0: 0, 1: self.pos, 2: self.size}[whence]
        self.pos = max(0, base + offset)
        return self.pos

    def _block(self, k: int) -> bytes:
        if k not in self.blocks:
            start = k * self.BLOCK
            end = min(start + self.BLOCK, self.size)
            body = fetch_range(self.url, start, end - 1)
            if body is None:
                raise OSError(f"range request failed: {self.url}")
            if len(body) == self.size and self.size > end - start:  # Range ignored: whole file
                body = body[start:end]
            self.blocks[k] = body
        return self.blocks[k]

    def read(self, n=-1):
        end = self.size if n is None or n < 0 else min(self.size, self.pos + n)
        out = bytearray()
        while self.pos < end:
            k, off = divmod(self.pos, self.BLOCK)
            chunk = self._block(k)[off: off + end - self.pos]
            if not chunk:
                break
            out += chunk
            self.pos += len(chunk)
        return bytes(out)

    def readinto(self, b):
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)


def _get(url, accept, retries, path, missing, extra=None):
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"}
    headers.update(extra or {})
    if accept:
        headers["Accept"] = accept
    delay = 1.0
    for attempt in range(retries):
        try:
            req = urllib.request.Request(url, headers=headers)
            with urllib.request.urlopen(req, timeout=60) as resp:
                body = resp.read()
                if resp.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".tmp{os.getpid()}.{id(body)}")
                tmp.write_bytes(gzip.compress(body, 6))
                tmp.replace(path)
            return body
        except urllib.error.HTTPError as err:
            if err.code in (404, 410):
                if missing is not None:
                    missing.parent.mkdir(parents=True, exist_ok=True)
                    missing.touch()
                return None
            if err.code not in (429, 500, 502, 503, 504) or attempt == retries - 1:
                print(f"warning: {url}: HTTP {err.code}", file=sys.stderr)
                return None
            retry_after = err.headers.get("Retry-After") if err.headers else None
            wait = float(retry_after) if retry_after and retry_after.isdigit() else delay
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError, ValueError) as err:
            if attempt == retries - 1:
                print(f"warning: {url}: {err}", file=sys.stderr)
                return None
            wait = delay
        time.sleep(wait)
        delay *= 2
    return None


def parallel(fn, items, workers: int = 8):
    """map(fn, items) on a thread pool; results in the order of `items`."""
    items = list(items)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, items))


def progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- names

def pep503(name: str) -> str:
    """PyPI's normalised project name: lowercase, runs of -_. become one '-'."""
    return re.sub(r"[-_.]+", "-", name).lower()


def cargo_norm(name: str) -> str:
    """crates.io treats '-' and '_' (and case) as the same name; we write '-' and lowercase."""
    return name.lower().replace("_", "-")


NPM_NAME = re.compile(r"^(?:@[a-z0-9-*~][a-z0-9-*._~]*/)?[a-z0-9-~][a-z0-9-._~]*$")


def valid_npm(name: str) -> bool:
    """A name the npm registry accepts for a new package (lowercase, URL-safe, <= 214 chars)."""
    return len(name) <= 214 and bool(NPM_NAME.match(name))


PYPI_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")   # after pep503()
CRATE_NAME = re.compile(r"^[a-z][a-z0-9-]{0,63}$")             # after cargo_norm()


# ---------------------------------------------------------------- versions

SEMVER = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")


def semver_key(v: str):
    """Sort key for a semver string; None when it does not parse."""
    m = SEMVER.match(v.strip())
    if not m:
        return None
    major, minor, patch, pre = m.groups()
    if pre is None:
        pre_key = (1,)
    else:
        parts = []
        for p in pre.split("."):
            parts.append((0, int(p), "") if p.isdigit() else (1, 0, p))
        pre_key = (0, tuple(parts))
    return (int(major), int(minor), int(patch), pre_key)


def semver_is_pre(v: str) -> bool:
    m = SEMVER.match(v.strip())
    return bool(m and m.group(4))


PEP440 = re.compile(
    r"^v?(?:(\d+)!)?(\d+(?:\.\d+)*)"
    r"(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d*))?"
    r"(?:(?:-(\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\d*)))?"
    r"(?:[-_.]?(dev)[-_.]?(\d*))?"
    r"(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$",
    re.I,
)


def pep440_key(v: str):
    """Sort key for the common PEP 440 forms; None for legacy versions we do not order."""
    m = PEP440.match(v.strip())
    if not m:
        return None
    epoch, release, pre_l, pre_n, post_implicit, post_l, post_n, dev_l, dev_n = m.groups()
    rel = tuple(int(x) for x in release.split("."))
    while len(rel) > 1 and rel[-1] == 0:
        rel = rel[:-1]
    pre = (1,) if pre_l is None else (0, pre_l.lower()[0], int(pre_n or 0))
    if pre_l is None and dev_l is not None and post_l is None and post_implicit is None:
        pre = (-1,)  # 1.0.dev1 sorts before 1.0a1
    post = int(post_implicit or post_n or 0) if (post_implicit or post_l) else -1
    dev = (1,) if dev_l is None else (0, int(dev_n or 0))
    return (int(epoch or 0), rel, pre, post, dev)


def pep440_is_pre(v: str) -> bool:
    m = PEP440.match(v.strip())
    return bool(m and (m.group(3) or m.group(8)))


def read_list(path: Path) -> list[str]:
    """A rules/packages/*.txt file: names, skipping '#' comments and blank lines."""
    out = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def write_list(path: Path, header: list[str], names: list[str]) -> None:
    """One name a line after '# ' header lines; refuses duplicates (the lists are sets in order)."""
    assert len(names) == len(set(names)), f"duplicates in {path}"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"# {h}" if h else "#" for h in header] + names
    path.write_text("\n".join(lines) + "\n")
    progress(f"wrote {path.relative_to(REPO)}: {len(names)} names")
