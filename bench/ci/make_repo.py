#!/usr/bin/env python3
"""Builds a benchmark repository of realistic history for `git charter ci`.

Vendored crate sources from the local cargo registry are committed a few files at a time (old versions
first), then upgraded file by file to newer versions (real modifications and deletions), with feature
branches merged now and then. Messages cover every kind the policies read: one-liners, conventional
commits, long bodies, and trailers (sign-offs, tickets, AI co-authors and disclosures).
Deterministic for a given registry: same inputs, same commits (fixed dates and identities)."""

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

# (old, new) versions; a missing directory is skipped.
UPGRADES = [
    ("regex-automata-0.4.5", "regex-automata-0.4.18"),
    ("syn-2.0.49", "syn-2.0.119"),
    ("bstr-1.9.0", "bstr-1.13.1"),
    ("libc-0.2.153", "libc-0.2.191"),
    ("clap_builder-4.5.23", "clap_builder-4.6.7"),
    ("rustix-0.38.31", "rustix-1.1.6"),
]
EXTRA = ["regorus-0.14.1", "encoding_rs-0.8.33"]

PEOPLE = [
    ("Ada Lovelace", "ada@example.com"),
    ("Grace Hopper", "grace@example.org"),
    ("Linus Kernel", "linus@example.net"),
    ("Margaret Hamilton", "mh@example.com"),
]
TRAILERS = [
    [],
    [],
    ["Signed-off-by: {name} <{email}>"],
    ["Refs: #{n}"],
    ["Co-authored-by: Claude <noreply@anthropic.com>"],
    ["Assisted-by: Copilot:gpt-4o", "Reviewed-by: Grace Hopper <grace@example.org>"],
    ["Co-authored-by: aider (gpt-4o) <noreply@aider.chat>"],
    ["Generated-by: Cursor", "Signed-off-by: {name} <{email}>"],
    ["Change-Id: I{hex}", "Reviewed-on: https://review.example.com/c/{n}"],
]
SUBJECTS = [
    "vendor {what}",
    "feat({crate}): import {what}",
    "chore: update {what}",
    "fix({crate}): adjust {what}",
    "Refactor {what}",
    "{crate}: bring in {what}",
    "WIP",
    "fixup! vendor {what}",
    "docs: note the {crate} upgrade",
]
BODIES = [
    "",
    "Part of the dependency refresh.",
    "The previous version had a known bug in this area; upgrading keeps us on a\nsupported release. No behaviour change expected for callers.",
    "Generated with the help of an AI assistant and reviewed by hand.\n\n- files moved as-is\n- no local patches",
    "🤖 Generated with [Claude Code](https://claude.ai/code)",
]


def git(repo, *args, env=None):
    subprocess.run(["git", *args], cwd=repo, check=True, env=env, stdout=subprocess.DEVNULL)


def files_of(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            p = Path(dirpath, f)
            if p.is_file() and not p.is_symlink():
                out.append(p.relative_to(root))
    return out


class Builder:
    def __init__(self, repo, target):
        self.repo = repo
        self.target = target
        self.n = 0
        self.rng = random.Random(42)
        self.time = 1_700_000_000

    def message(self, crate, what):
        r = self.rng
        name, email = r.choice(PEOPLE)
        subject = r.choice(SUBJECTS).format(crate=crate, what=what)
        body = r.choice(BODIES)
        trailers = [
            t.format(name=name, email=email, n=r.randrange(1, 9999), hex="%040x" % r.getrandbits(160))
            for t in r.choice(TRAILERS)
        ]
        parts = [subject]
        if body:
            parts.append(body)
        if trailers:
            parts.append("\n".join(trailers))
        return "\n\n".join(parts) + "\n", (name, email)

    def commit(self, crate, what, paths):
        if self.n >= self.target:
            return False
        msg, (name, email) = self.message(crate, what)
        self.time += 3600
        env = dict(os.environ)
        env.update(
            GIT_AUTHOR_NAME=name,
            GIT_AUTHOR_EMAIL=email,
            GIT_COMMITTER_NAME=name,
            GIT_COMMITTER_EMAIL=email,
            GIT_AUTHOR_DATE=f"{self.time} +0000",
            GIT_COMMITTER_DATE=f"{self.time} +0000",
        )
        git(self.repo, "add", "-A", "--", *paths)
        subprocess.run(
            ["git", "commit", "-q", "--no-verify", "--allow-empty", "-F", "-"],
            cwd=self.repo, input=msg.encode(), check=True, env=env,
        )
        self.n += 1
        return True

    def merge(self, branch):
        self.time += 3600
        env = dict(os.environ)
        env.update(GIT_AUTHOR_DATE=f"{self.time} +0000", GIT_COMMITTER_DATE=f"{self.time} +0000")
        git(self.repo, "checkout", "-q", "main")
        git(self.repo, "merge", "-q", "--no-ff", "--no-verify", "-m", f"Merge branch '{branch}'", branch, env=env)
        self.n += 1


def main():
    registry, repo, target = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    if repo.exists():
        shutil.rmtree(repo)
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for k, v in [("user.name", "Bench"), ("user.email", "bench@example.com"), ("commit.gpgsign", "false"),
                 ("core.autocrlf", "false"), ("gc.auto", "0")]:
        git(repo, "config", k, v)
    (repo / "README.md").write_text("# vendored sources\n")
    b = Builder(repo, target)
    b.commit("repo", "README", ["README.md"])

    def add_tree(src, dest, crate, step, branch_every):
        files = files_of(src)
        i = 0
        while i < len(files) and b.n < target:
            on_branch = branch_every and b.rng.random() < 1.0 / branch_every
            branch = f"topic-{b.n}"
            if on_branch:
                git(repo, "checkout", "-q", "-b", branch)
            for _ in range(3 if on_branch else 1):
                chunk = files[i:i + step]
                if not chunk:
                    break
                i += len(chunk)
                for f in chunk:
                    (repo / dest / f).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src / f, repo / dest / f)
                b.commit(crate, ", ".join(str(f) for f in chunk[:2]), [str(dest)])
            if on_branch:
                b.merge(branch)

    def upgrade(old, new, dest, crate, step):
        new_files = set(files_of(new))
        old_files = set(files_of(old))
        changed = [f for f in sorted(new_files) if f not in old_files or
                   (new / f).read_bytes() != (old / f).read_bytes()]
        gone = sorted(old_files - new_files)
        for i in range(0, len(changed), step):
            chunk = changed[i:i + step]
            for f in chunk:
                (repo / dest / f).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(new / f, repo / dest / f)
            if not b.commit(crate, ", ".join(str(f) for f in chunk[:2]), [str(dest)]):
                return
        for i in range(0, len(gone), 8):
            for f in gone[i:i + 8]:
                (repo / dest / f).unlink()
            if not b.commit(crate, f"drop {len(gone[i:i + 8])} files", [str(dest)]):
                return

    pairs = [(registry / o, registry / n) for o, n in UPGRADES if (registry / o).is_dir() and (registry / n).is_dir()]
    for old, _ in pairs:
        crate = old.name.rsplit("-", 1)[0]
        add_tree(old, Path("vendor") / crate, crate, 3, 25)
    for old, new in pairs:
        crate = old.name.rsplit("-", 1)[0]
        upgrade(old, new, Path("vendor") / crate, crate, 2)
    for extra in EXTRA:
        if (registry / extra).is_dir() and b.n < target:
            crate = extra.rsplit("-", 1)[0]
            add_tree(registry / extra, Path("vendor") / crate, crate, 4, 25)
    print(b.n)


if __name__ == "__main__":
    main()
