#!/usr/bin/env python3
"""(maintainer) Lists every line of the real negatives that any tool flagged, with the verdict from reading it:
`test-secret` when it overlaps real_positives.jsonl (written by hand after reading), else `false-positive` with the
reason class assigned while reading. Writes real_triage.jsonl.   triage.py [$DATA/out]
"""
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("DATA", "/work/data/secreval")
out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(DATA, "out")

REASONS = [  # (regex over "path: line text", reason), first match wins; written after reading every flagged line
    (r"openssl.*/src/(symm|cipher_ctx|dh)\.rs|rsa-.*/tests/pkcs1v15\.rs", "crypto known-answer test vector (published key/plaintext/ciphertext)"),
    (r"PRIVATE KEY", "mentions a PEM header without key material, or an elided example key"),
    (r"\.pub:|authorized_keys|known_hosts|cert_chain\.json|ssh-(rsa|ed25519)", "public key or certificate"),
    (r"codecov\.io/.*badge", "Codecov badge token (public by design)"),
    (r"chksum_sha256|\"sha1\"|gitHead|\"ID\": \"|Hostname|GUID|sample: '|files\.py:|cx_oracle\.py:90|UploadId|computeHMACSignature|decode\(|1234abcd-12ab",
     "hash, checksum, identifier or documented example value"),
    (r"diagnosticMessages|locales\.min\.js|postcss\.js|boundary=|gss-group14|decl_class\.py", "ordinary text or code with high entropy"),
    (r"", "dummy or placeholder credential (foo/bar, password, changeme, admin, 123456, scott/tiger, hunter42, username:password, "
          "sk_test...., YOURSECRETKEYGOESHERE) or code about credentials"),
]


def main():
    neg_root = os.path.join(DATA, "neg-tree")
    rp = [json.loads(l) for l in open(os.path.join(HERE, "real_positives.jsonl")) if l.strip()]
    flagged = collections.defaultdict(set)
    for p in sorted(glob.glob(os.path.join(out_dir, "*.neg.jsonl"))):
        tool = os.path.basename(p).split(".")[0]
        for l in open(p):
            if l.strip():
                d = json.loads(l)
                flagged[(d["file"], d["line"])].add(tool)
    rows = []
    for (f, ln), tools in sorted(flagged.items()):
        try:
            text = open(os.path.join(neg_root, f), errors="replace").read().split("\n")[ln - 1].strip()
        except (OSError, IndexError):
            text = ""
        hit = [r for r in rp if r["file"] == f and r["line"] <= ln <= r["line_end"]]
        if hit:
            verdict, reason = "test-secret", hit[0]["note"]
        else:
            verdict = "false-positive"
            reason = next(r for pat, r in REASONS if re.search(pat, f"{f}: {text}"))
        rows.append({"file": f, "line": ln, "tools": sorted(tools), "verdict": verdict, "reason": reason})
    with open(os.path.join(HERE, "real_triage.jsonl"), "w") as o:
        for r in rows:
            o.write(json.dumps(r) + "\n")
    c = collections.Counter((r["verdict"], r["reason"][:60]) for r in rows)
    for (v, why), n in c.most_common():
        print(f"{n:>4}  {v:<15} {why}")


if __name__ == "__main__":
    main()
