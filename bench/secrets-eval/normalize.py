#!/usr/bin/env python3
"""Turns a scanner's report into the JSON lines score.py reads: {"file", "line", "line_end", "rule"}, paths relative to ROOT.

    normalize.py TOOL REPORT ROOT > findings.jsonl

TOOL: ours (already JSON lines), gitleaks, betterleaks, kingfisher, detect-secrets, ripsecrets.
"""
import json
import os
import re
import sys


def rel(p, root):
    if not os.path.isabs(p):
        # relative to the working directory when the tool printed it so, else to the scanned root
        p = os.path.abspath(p) if os.path.exists(p) else os.path.join(root, p)
    p = os.path.normpath(p)
    return os.path.relpath(p, root)


def rows(tool, report, root):
    text = open(report, errors="replace").read()
    if tool == "ours":
        for l in text.splitlines():
            if l.strip():
                d = json.loads(l)
                yield d["file"], d["line"], d.get("line_end", d["line"]), d.get("rule", "")
    elif tool == "gitleaks":
        for d in json.loads(text or "[]"):
            yield rel(d["File"], root), d["StartLine"], d.get("EndLine", d["StartLine"]), d.get("RuleID", "")
    elif tool == "betterleaks":
        for d in json.loads(text)["findings"] or []:
            loc = d["location"]
            yield rel(loc["path"], root), loc["start_line"], loc.get("end_line", loc["start_line"]), d.get("rule_id", "")
    elif tool == "kingfisher":
        d = json.loads(text) if text.strip() else {"findings": []}
        for x in d.get("findings", []):
            f = x["finding"]
            yield rel(f["path"], root), f["line"], f["line"], x["rule"].get("id", "")
    elif tool == "detect-secrets":
        for path, items in json.loads(text)["results"].items():
            for it in items:
                yield rel(path, root), it["line_number"], it["line_number"], it.get("type", "")
    elif tool == "ripsecrets":
        for l in text.splitlines():
            m = re.match(r"^(.*?):(\d+):", l)
            if m:
                yield rel(m.group(1), root), int(m.group(2)), int(m.group(2)), ""
    else:
        raise SystemExit(f"unknown tool {tool}")


if __name__ == "__main__":
    tool, report, root = sys.argv[1:4]
    root = os.path.abspath(root)
    for f, a, b, r in rows(tool, report, root):
        print(json.dumps({"file": f, "line": int(a), "line_end": int(b or a), "rule": r}))
