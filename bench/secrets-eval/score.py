#!/usr/bin/env python3
"""Scores a scanner on the held-out secrets evaluation.

    score.py --findings SYNTH.jsonl [--neg-findings REAL.jsonl] [--name TOOL] [--json OUT.json]
    score.py --table A.json B.json ...      side-by-side figures (and ratios to the first)

Findings are JSON lines {"file", "line", "line_end"?}: for the synthetic tree, paths relative to tree/; for the real
negatives, paths relative to the drawn tree (<eco>/<name>-<version>/<path>, the `file` field of negatives.jsonl).

A hit is line overlap: a finding whose line range overlaps a secret label detects that secret (once per label);
otherwise one that overlaps a negative label flags that negative; otherwise it is an unlabeled false positive (once per
distinct file:line). On the real files, a finding overlapping an entry of real_positives.jsonl (test fixtures that are
secret-shaped, triaged by reading) is neither a hit nor a false positive; every other finding is a false positive.

  recall         secrets detected / secret labels (overall, per family, per kind, per context; macro = mean over families)
  specific       recall counting only findings of rules that match the value's format (not generic/keyword/entropy
                 rules; told apart by rule id, best effort across tools)
  FP rate        synthetic: negative labels flagged / negative labels; real: files with a false positive / files drawn
  clean FP rate  (flagged negative labels + flagged real files) / (negative labels + real files)
  precision      TP / (TP + flagged negatives + unlabeled FPs + distinct real FP lines)
"""
import argparse
import collections
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    return [json.loads(l) for l in open(path) if l.strip()] if path and os.path.exists(path) else []


def overlap(f, l):
    return l["line"] <= f.get("line_end", f["line"]) and f["line"] <= l["line_end"]


GENERIC = re.compile(r"generic|entropy|keyword", re.I)


def is_generic(rule):
    """A rule that matches by keyword, name or entropy rather than by the value's own format (best effort over rule ids)."""
    return bool(GENERIC.search(rule))


def score(labels, findings, negatives, neg_findings, real_pos):
    by_file = collections.defaultdict(list)
    for i, l in enumerate(labels):
        by_file[l["file"]].append(i)
    hit, unlabeled, specific = set(), set(), set()
    for f in findings:
        f = dict(f, line_end=max(f.get("line_end") or f["line"], f["line"]))
        cands = [i for i in by_file.get(f["file"], []) if overlap(f, labels[i])]
        sec = [i for i in cands if labels[i]["is_secret"]]
        if sec:
            hit.update(sec)
            if not is_generic(f.get("rule", "")):
                specific.update(sec)
        elif cands:
            hit.update(cands)
        else:
            unlabeled.add((f["file"], f["line"]))
    secrets = [i for i, l in enumerate(labels) if l["is_secret"]]
    negs = [i for i, l in enumerate(labels) if not l["is_secret"]]
    tp = sum(1 for i in secrets if i in hit)
    fpn = sum(1 for i in negs if i in hit)

    rp_by_file = collections.defaultdict(list)
    for r in real_pos:
        rp_by_file[r["file"]].append(r)
    neg_files = {n["file"]: n for n in negatives}
    real_fp_lines, real_fp_files, real_tp = set(), set(), set()
    for f in neg_findings:
        if f["file"] not in neg_files:
            continue
        f = dict(f, line_end=max(f.get("line_end") or f["line"], f["line"]))
        rp = [r for r in rp_by_file.get(f["file"], []) if overlap(f, r)]
        if rp:
            real_tp.update((r["file"], r["line"]) for r in rp)
        else:
            real_fp_lines.add((f["file"], f["line"]))
            real_fp_files.add(f["file"])
    mb = sum(n["bytes"] for n in negatives) / 1e6

    def rate(a, b):
        return round(a / b, 4) if b else 0.0

    fp_total = fpn + len(unlabeled) + len(real_fp_lines)
    res = {
        "secrets": len(secrets), "tp": tp, "recall": rate(tp, len(secrets)),
        # None when the tool reports no rule ids (ripsecrets)
        "recall_specific": rate(sum(1 for i in secrets if i in specific), len(secrets)) if any(f.get("rule") for f in findings) else None,
        "synthetic_negatives": len(negs), "synthetic_negatives_flagged": fpn, "synthetic_fp_rate": rate(fpn, len(negs)),
        "unlabeled_fp_lines": len(unlabeled),
        "real_files": len(negatives), "real_mb": round(mb, 2), "real_files_flagged": len(real_fp_files),
        "real_fp_rate": rate(len(real_fp_files), len(negatives)), "real_flagged_files_per_mb": round(len(real_fp_files) / mb, 3) if mb else 0.0,
        "real_fp_lines": len(real_fp_lines), "real_test_secrets_found": len(real_tp), "real_test_secrets": len(real_pos),
        "clean_fp_rate": rate(fpn + len(real_fp_files), len(negs) + len(negatives)),
        "precision": rate(tp, tp + fp_total),
    }
    fam, kind, nkind, ctx = (collections.defaultdict(lambda: [0, 0]) for _ in range(4))
    for i in secrets:
        for d, k in ((fam, labels[i]["family"]), (kind, labels[i]["kind"]), (ctx, labels[i].get("context", "named"))):
            d[k][0] += 1
            d[k][1] += i in hit
    for i in negs:
        nkind[labels[i]["kind"]][0] += 1
        nkind[labels[i]["kind"]][1] += i in hit
    res["recall_by_family"] = {k: {"n": v[0], "detected": v[1], "recall": rate(v[1], v[0])} for k, v in sorted(fam.items())}
    res["recall_by_context"] = {k: {"n": v[0], "detected": v[1], "recall": rate(v[1], v[0])} for k, v in sorted(ctx.items())}
    res["recall_by_kind"] = {k: {"n": v[0], "detected": v[1], "recall": rate(v[1], v[0])} for k, v in sorted(kind.items())}
    res["negative_flag_rate_by_kind"] = {k: {"n": v[0], "flagged": v[1], "rate": rate(v[1], v[0])} for k, v in sorted(nkind.items())}
    res["macro_recall_family"] = rate(sum(v["recall"] for v in res["recall_by_family"].values()), len(res["recall_by_family"]))
    res["macro_recall_kind"] = rate(sum(v["recall"] for v in res["recall_by_kind"].values()), len(res["recall_by_kind"]))
    res["missed_examples"] = [f"{labels[i]['file']}:{labels[i]['line']} {labels[i]['kind']}" for i in secrets if i not in hit][:40]
    res["flagged_negative_examples"] = [f"{labels[i]['file']}:{labels[i]['line']} {labels[i]['kind']}" for i in negs if i in hit][:40]
    res["unlabeled_examples"] = [f"{a}:{b}" for a, b in sorted(unlabeled)[:20]]
    res["real_fp_examples"] = [f"{a}:{b}" for a, b in sorted(real_fp_lines)[:40]]
    return res


def summary(r):
    return (f"{r['name']}: recall {r['recall']:.3f} ({r['tp']}/{r['secrets']}; macro by family {r['macro_recall_family']:.3f}, "
            f"by kind {r['macro_recall_kind']:.3f}; by a format-specific rule "
            f"{'n/a' if r['recall_specific'] is None else format(r['recall_specific'], '.3f')})  precision {r['precision']:.3f}  "
            f"clean-negative FP rate {r['clean_fp_rate'] * 100:.2f} %  [synthetic negatives {r['synthetic_negatives_flagged']}/{r['synthetic_negatives']} "
            f"= {r['synthetic_fp_rate'] * 100:.2f} %; real files {r['real_files_flagged']}/{r['real_files']} = {r['real_fp_rate'] * 100:.2f} %, "
            f"{r['real_flagged_files_per_mb']:.2f} flagged files/MB; unlabeled FP lines {r['unlabeled_fp_lines']}]")


def table(paths):
    rs = [json.load(open(p)) for p in paths]
    base = rs[0]
    cols = ["recall", "macro_recall_family", "recall_specific", "precision", "clean_fp_rate", "synthetic_fp_rate", "real_fp_rate", "real_flagged_files_per_mb", "unlabeled_fp_lines"]
    short = {"macro_recall_family": "macro_recall", "recall_specific": "specific_rec", "clean_fp_rate": "clean_fp_rate", "synthetic_fp_rate": "synth_fp_rate",
             "real_fp_rate": "real_fp_rate", "real_flagged_files_per_mb": "real_files/MB", "unlabeled_fp_lines": "unlabeled_fp"}
    print(f"{'tool':<16}" + "".join(f"{short.get(c, c):>15}" for c in cols))
    for r in rs:
        print(f"{r['name']:<16}" + "".join(f"{r[c]:>15.3f}" if isinstance(r[c], float) else f"{str(r[c]) if r[c] is not None else 'n/a':>15}" for c in cols))
    print(f"\nratios {base['name']} / peer (recall, precision: >1 means {base['name']} is higher; FP rates: <1 means {base['name']} flags less)")
    for r in rs[1:]:
        print(f"  vs {r['name']:<15}" + "  ".join(f"{c}={base[c] / r[c]:.2f}" if r[c] and base[c] is not None else f"{c}=n/a" for c in cols[:8]))
    fams = sorted(base["recall_by_family"])
    print(f"\n{'recall by context':<20}{'n':>5}" + "".join(f"{r['name'][:12]:>13}" for r in rs))
    for cx in sorted(base["recall_by_context"]):
        print(f"{cx:<20}{base['recall_by_context'][cx]['n']:>5}" + "".join(f"{r['recall_by_context'].get(cx, {}).get('recall', 0):>13.3f}" for r in rs))
    print(f"\n{'recall by family':<20}{'n':>5}" + "".join(f"{r['name'][:12]:>13}" for r in rs))
    for fm in fams:
        print(f"{fm:<20}{base['recall_by_family'][fm]['n']:>5}" + "".join(f"{r['recall_by_family'].get(fm, {}).get('recall', 0):>13.3f}" for r in rs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", default=os.path.join(HERE, "labels.jsonl"))
    ap.add_argument("--negatives", default=os.path.join(HERE, "negatives.jsonl"))
    ap.add_argument("--real-positives", default=os.path.join(HERE, "real_positives.jsonl"))
    ap.add_argument("--findings")
    ap.add_argument("--neg-findings")
    ap.add_argument("--name", default="tool")
    ap.add_argument("--json")
    ap.add_argument("--verbose", action="store_true", help="print recall per kind and flag rate per negative kind")
    ap.add_argument("--table", nargs="+")
    a = ap.parse_args()
    if a.table:
        return table(a.table)
    res = score(load(a.labels), load(a.findings), load(a.negatives), load(a.neg_findings), load(a.real_positives))
    res["name"] = a.name
    if a.json:
        json.dump(res, open(a.json, "w"), indent=1)
    print(summary(res))
    if a.verbose:
        for k, v in res["recall_by_context"].items():
            print(f"  context {k:<21} {v['detected']:>4}/{v['n']:<4} {v['recall']:.3f}")
        for k, v in res["recall_by_family"].items():
            print(f"  family {k:<22} {v['detected']:>4}/{v['n']:<4} {v['recall']:.3f}")
        for k, v in res["recall_by_kind"].items():
            print(f"  kind {k:<34} {v['detected']:>4}/{v['n']:<4} {v['recall']:.3f}")
        for k, v in res["negative_flag_rate_by_kind"].items():
            print(f"  negative {k:<30} {v['flagged']:>4}/{v['n']:<4} {v['rate']:.3f}")


if __name__ == "__main__":
    main()
