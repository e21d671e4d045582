#!/usr/bin/env python3
"""Builds a test history with planted secrets, for bench/history.sh.

    plant.py DIR [NOISE_COMMITS]

DIR becomes a git repository: NOISE_COMMITS ordinary commits (random words in Python and Markdown
files), and 40 planted secrets (5 formats x 8 ways a secret hides in a history: kept on main,
removed later, on a merged branch, on a branch never merged, added to an existing file that is
edited later, in a file renamed later, in a file deleted with its directory, behind a tag only).
Every value is random (seeded): none is a real credential and none is copied from another
project. Each planted secret lives in a file of its own; DIR/../truth.tsv lists (path, format,
scenario), which is how the benchmark decides whether a tool found it (any finding on that path;
`a|b`: either name of a renamed file).
"""
import os
import random
import string
import subprocess
import sys
import zlib

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def checksummed(prefix, rnd):
    """A token in the GitHub/npm format whose CRC32 checksum verifies."""
    body = "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(30))
    n = zlib.crc32(body.encode())
    check = ""
    for _ in range(6):
        check = B62[n % 62] + check
        n //= 62
    return prefix + body + check


def secret(kind, rnd):
    alnum = string.ascii_letters + string.digits
    pick = lambda alphabet, n: "".join(rnd.choice(alphabet) for _ in range(n))
    if kind == "aws":
        return 'AWS_ACCESS_KEY_ID = "AKIA%s"' % pick(string.ascii_uppercase + "234567", 16)
    if kind == "github":
        return 'GITHUB_TOKEN = "%s"' % checksummed("ghp_", rnd)
    if kind == "slack":
        return 'SLACK_BOT_TOKEN = "xoxb-%s-%s-%s"' % (
            pick(string.digits, 12), pick(string.digits, 13), pick(alnum, 24))
    if kind == "stripe":
        return 'STRIPE_KEY = "sk_live_%s"' % pick(alnum, 32)
    if kind == "gitlab":
        return 'GITLAB_TOKEN = "glpat-%s"' % pick(alnum, 20)
    raise ValueError(kind)


KINDS = ["aws", "github", "slack", "stripe", "gitlab"]
SCENARIOS = ["kept", "removed", "merged-branch", "unmerged-branch", "added-to-existing",
             "renamed", "dir-deleted", "tag-only"]
WORDS = ("alpha beta gamma delta value result count total index items parse load save "
         "render request response client server config option module handler").split()


def main():
    out = sys.argv[1]
    noise = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    rnd = random.Random(20261202)
    env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com")
    t = [1600000000]

    def git(*args):
        t[0] += 3600
        e = dict(env, GIT_AUTHOR_DATE="@%d +0000" % t[0], GIT_COMMITTER_DATE="@%d +0000" % t[0])
        subprocess.run(["git", *args], cwd=out, env=e, check=True, stdout=subprocess.DEVNULL)

    def write(path, text):
        p = os.path.join(out, path)
        os.makedirs(os.path.dirname(p) or out, exist_ok=True)
        with open(p, "w") as f:
            f.write(text)

    def words(n):
        return " ".join(rnd.choice(WORDS) for _ in range(n))

    def code(lines):
        return "".join("%s_%d = %r\n" % (rnd.choice(WORDS), i, words(6)) for i in range(lines))

    os.makedirs(out)
    git("init", "-q", "-b", "main")
    write("README.md", "# bench\n")
    git("add", "-A")
    git("commit", "-q", "-m", "start")

    def noise_commits(n):
        for _ in range(n):
            m = rnd.randrange(30)
            write("src/mod%d.py" % m, code(rnd.randrange(20, 200)))
            write("docs/page%d.md" % (m % 7), "\n".join(words(12) for _ in range(30)) + "\n")
            git("add", "-A")
            git("commit", "-q", "-m", words(5))

    truth = []
    plan = [(k, s) for s in SCENARIOS for k in KINDS]
    rnd.shuffle(plan)
    per = max(1, noise // len(plan))
    for i, (kind, scen) in enumerate(plan):
        noise_commits(per)
        path = "app/%s_%d_%s.py" % (scen.replace("-", "_"), i, kind)
        line = secret(kind, rnd) + "\n"
        body = code(10)
        if scen in ("kept", "removed", "renamed", "dir-deleted", "added-to-existing"):
            if scen == "added-to-existing":
                write(path, body)
                git("add", "-A")
                git("commit", "-q", "-m", "add %s" % path)
                noise_commits(1)
                write(path, body[: len(body) // 2] + line + body[len(body) // 2:])
            elif scen == "dir-deleted":
                path = "tmp%d/%s" % (i, os.path.basename(path))
                write(path, body + line)
            else:
                write(path, body + line)
            git("add", "-A")
            git("commit", "-q", "-m", "work on %s" % path)
            noise_commits(1)
            if scen == "removed":
                git("rm", "-q", path)
                git("commit", "-q", "-m", "remove %s" % path)
            elif scen == "renamed":
                git("mv", path, path.replace(".py", "_moved.py"))
                git("commit", "-q", "-m", "rename")
            elif scen == "dir-deleted":
                git("rm", "-q", "-r", os.path.dirname(path))
                git("commit", "-q", "-m", "drop a directory")
            elif scen == "added-to-existing":
                write(path, body + line + "# later edit\n")
                git("add", "-A")
                git("commit", "-q", "-m", "edit")
        elif scen in ("merged-branch", "unmerged-branch", "tag-only"):
            branch = "topic-%d" % i
            git("checkout", "-q", "-b", branch)
            write(path, body + line)
            git("add", "-A")
            git("commit", "-q", "-m", "on %s" % branch)
            git("checkout", "-q", "main")
            if scen == "merged-branch":
                git("merge", "-q", "--no-ff", "-m", "merge %s" % branch, branch)
                git("branch", "-q", "-D", branch)
            elif scen == "tag-only":
                git("tag", "t%d" % i, branch)
                git("branch", "-q", "-D", branch)
        # A renamed file may be reported under either name.
        names = path + ("|" + path.replace(".py", "_moved.py") if scen == "renamed" else "")
        truth.append((names, kind, scen))
    noise_commits(per)
    with open(os.path.join(os.path.dirname(os.path.abspath(out)), "truth.tsv"), "w") as f:
        for row in truth:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
