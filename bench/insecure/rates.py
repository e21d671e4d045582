#!/usr/bin/env python3
"""Prints, per insecure pattern, the findings of the corpus scan, how many the triage calls false
positives, the false positives per 10 MB scanned and the precision, for the denials and for all.

    bench/insecure/rates.py [--triage bench/insecure/triage.tsv] [--stats bench/insecure/findings.tsv.stats]
    bench/insecure/rates.py --triage bench/insecure/gha-jwt/triage.tsv \
        --stats bench/insecure/gha-jwt/findings.tsv.stats \
        --only gha-script-injection,gha-pr-target-checkout,jwt-verify-disabled,jwt-decode-unverified

triage.tsv columns: pattern, level, path, line, verdict (TP or FP), reason. Goal for a pattern a
shipped charter sets to `deny`: at most 1 false positive per 10 MB and precision of at least 0.98.
"""
import argparse
import collections
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DENY_IN_SHIPPED = {  # charter/default.yaml and charter/starter.yaml
    "jwt-verify-disabled", "gha-pr-target-checkout", "gha-script-injection",
    "tls-verify-disabled", "sql-string-build",
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--triage", default=os.path.join(HERE, "triage.tsv"))
    ap.add_argument("--stats", default=os.path.join(HERE, "findings.tsv.stats"))
    ap.add_argument("--only", help="comma-separated patterns the triage covers (the others were not "
                    "triaged in this corpus and are listed as such)")
    a = ap.parse_args()
    only = set(a.only.split(",")) if a.only else None
    with open(a.stats) as f:
        next(f)
        mb = sum(int(line.split("\t")[1]) for line in f) / 1e6
    per = collections.defaultdict(lambda: {"all": [0, 0], "deny": [0, 0]})
    with open(a.triage) as f:
        next(f)
        for line in f:
            pattern, level, _path, _line, verdict, _reason = line.rstrip("\n").split("\t", 5)
            fp = verdict == "FP"
            for k in ("all", "deny") if level == "deny" else ("all",):
                per[pattern][k][0] += 1
                per[pattern][k][1] += fp
    print(f"corpus: {mb:.1f} MB scanned; starter charter (over the default)")
    print(f"{'pattern':28} {'ships deny':>10} {'found':>6} {'FP':>5} {'FP/10MB':>8} {'prec':>6}   "
          f"{'denied':>6} {'FP':>4} {'FP/10MB':>8} {'prec':>6}")
    ok = True
    for p in sorted(per, key=lambda p: (p not in DENY_IN_SHIPPED, p)):
        n, fp = per[p]["all"]
        dn, dfp = per[p]["deny"]
        rate, drate = fp / mb * 10, dfp / mb * 10
        prec = (n - fp) / n if n else 1.0
        dprec = (dn - dfp) / dn if dn else 1.0
        ships = p in DENY_IN_SHIPPED
        if ships and (rate > 1 or prec < 0.98):
            ok = False
        print(f"{p:28} {'yes' if ships else '':>10} {n:6} {fp:5} {rate:8.2f} {prec:6.3f}   "
              f"{dn:6} {dfp:4} {drate:8.2f} {dprec:6.3f}")
    for p in sorted(DENY_IN_SHIPPED - set(per)):
        if only is not None and p not in only:
            print(f"{p:28} {'yes':>10} {'-':>6} {'-':>5} {'-':>8} {'-':>6}   (not triaged in this corpus)")
            continue
        print(f"{p:28} {'yes':>10} {0:6} {0:5} {0:8.2f} {'-':>6}   (no finding in the corpus)")
    print("goal (patterns a shipped charter denies: <= 1 FP/10 MB, precision >= 0.98):",
          "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
