#!/usr/bin/env python3
"""Score the dependency check's answers on bench/deps/data (planted typosquats, real additions).

Input: the checker's output, lines `ecosystem<TAB>name<TAB>status<TAB>resembles<TAB>how`, status
one of popular, typosquat, unknown, unchecked (what `cargo run --example deps_eval` prints for
each `ecosystem<TAB>name` line it reads). Answers are matched to the data by (ecosystem, name),
so their order does not matter; a row the output does not answer counts as `missing`.

Prints, per ecosystem and overall:
  - recall on planted typosquats: share answered `typosquat`, and the same per planted kind;
  - false alarms on real additions: how many were answered `typosquat`, and that per 200
    additions (about a busy repository's year of added dependencies), with examples;
  - the share of real additions answered `popular`.

Usage: score.py ANSWERS [--planted bench/deps/data/planted.tsv] [--real bench/deps/data/real.tsv]
       [--examples N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
STATUSES = ("popular", "typosquat", "unknown", "unchecked")


def read_tsv(path: Path) -> list[list[str]]:
    lines = path.read_text().splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]


def read_answers(path: str) -> dict[tuple[str, str], tuple[str, str, str]]:
    answers = {}
    f = sys.stdin if path == "-" else open(path)
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue
        eco, name, status = parts[:3]
        resembles = parts[3] if len(parts) > 3 else ""
        how = parts[4] if len(parts) > 4 else ""
        answers[(eco, name)] = (status, resembles, how)
    return answers


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("answers", help="the checker's output ('-' for stdin)")
    ap.add_argument("--planted", default=str(DATA / "planted.tsv"))
    ap.add_argument("--real", default=str(DATA / "real.tsv"))
    ap.add_argument("--examples", type=int, default=5, help="false alarms and misses shown")
    args = ap.parse_args()

    answers = read_answers(args.answers)
    planted = read_tsv(Path(args.planted))
    real = read_tsv(Path(args.real))

    def status(eco, name):
        return answers.get((eco, name), ("missing", "", ""))[0]

    ecos = sorted({r[0] for r in planted} | {r[0] for r in real})
    missing = Counter()

    print("== planted typosquats: recall (answered typosquat)")
    kinds = sorted({r[3] for r in planted})
    tot_hit = tot = 0
    kind_hit, kind_tot = Counter(), Counter()
    misses = defaultdict(list)
    for eco in ecos:
        rows = [r for r in planted if r[0] == eco]
        if not rows:
            continue
        hit = 0
        per = Counter()
        per_tot = Counter()
        for _, name, target, kind in rows:
            st = status(eco, name)
            missing[eco] += st == "missing"
            per_tot[kind] += 1
            if st == "typosquat":
                hit += 1
                per[kind] += 1
            elif len(misses[eco]) < args.examples:
                misses[eco].append(f"{name} ({kind} of {target}): {st}")
        tot_hit += hit
        tot += len(rows)
        kind_hit.update(per)
        kind_tot.update(per_tot)
        detail = "  ".join(f"{k} {pct(per[k], per_tot[k]).strip()}" for k in kinds if per_tot[k])
        print(f"{eco:6} {pct(hit, len(rows))} of {len(rows):5}   {detail}")
    print(f"{'all':6} {pct(tot_hit, tot)} of {tot:5}   "
          + "  ".join(f"{k} {pct(kind_hit[k], kind_tot[k]).strip()}" for k in kinds))
    for eco in ecos:
        for m in misses[eco]:
            print(f"  missed {eco}: {m}")

    print()
    print("== real additions: false alarms (answered typosquat), share popular")
    all_fa = all_pop = all_n = 0
    alarms = defaultdict(list)
    for eco in ecos:
        rows = [r for r in real if r[0] == eco]
        if not rows:
            continue
        counts = Counter()
        for _, name, frm in rows:
            st = status(eco, name)
            counts[st] += 1
            missing[eco] += st == "missing"
            if st == "typosquat" and len(alarms[eco]) < args.examples:
                _, resembles, how = answers[(eco, name)]
                alarms[eco].append(f"{name} (added by {frm}) ~ {resembles} [{how}]")
        n = len(rows)
        fa = counts["typosquat"]
        all_fa += fa
        all_pop += counts["popular"]
        all_n += n
        other = "  ".join(f"{s} {pct(counts[s], n).strip()}" for s in STATUSES[2:] + ("missing",)
                          if counts[s])
        print(f"{eco:6} {fa:4} false alarms of {n:5} = {200 * fa / n:5.2f} per 200 additions; "
              f"popular {pct(counts['popular'], n).strip()}  {other}")
    if all_n:
        print(f"{'all':6} {all_fa:4} false alarms of {all_n:5} = {200 * all_fa / all_n:5.2f} per 200 "
              f"additions; popular {pct(all_pop, all_n).strip()}")
    for eco in ecos:
        for a in alarms[eco]:
            print(f"  false alarm {eco}: {a}")
    if sum(missing.values()):
        print()
        print("rows the answers did not cover: "
              + ", ".join(f"{e} {n}" for e, n in sorted(missing.items()) if n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
