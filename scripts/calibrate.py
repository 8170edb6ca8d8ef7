#!/usr/bin/env python3
"""How far a finding's score can be trusted: the share of findings at score >= s that the hand
annotation confirms, for each threshold s, over one or more (gold, report) pairs.

usage: calibrate.py GOLD.json REPORT.json [GOLD2.json REPORT2.json ...]

Reports must be exported with `--min-score 0` so that every finding is judged. A finding is
confirmed as `score.py` counts it: its two sides meet the two sides of an annotated conflict and
no annotated agreement.
"""
import json
import sys

from goldmatch import match


def matched(gold, rep):
    """Maps each reported claim id to the gold claim it overlaps, as score.py matches them."""
    claims = rep.get("claims", [])
    return {claims[i]["id"]: g for g, i in match(gold, claims).items()}


def judged(gold, rep):
    """(score, confirmed) for every finding of a report."""
    s2g = matched(gold, rep)

    def meets(k, a, b):
        ka, kb = set(k["a"]), set(k["b"])
        return bool((a & ka and b & kb) or (a & kb and b & ka))

    out = []
    for f in rep.get("findings", []):
        a = {s2g[c] for c in f["a"]["claims"] if c in s2g}
        b = {s2g[c] for c in f["b"]["claims"] if c in s2g}
        hit = any(meets(k, a, b) for k in gold["conflicts"])
        agreed = any(meets(k, a, b) for k in gold.get("agreements", []))
        out.append((f["score"], hit and not agreed))
    return out


def main():
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit(__doc__)
    found = []
    for gold, rep in zip(args[::2], args[1::2]):
        found += judged(json.load(open(gold)), json.load(open(rep)))
    print("min_score  findings  confirmed  precision")
    for s in [x / 20 for x in range(0, 20)]:
        kept = [ok for score, ok in found if score >= s]
        if kept:
            print(f"{s:9.2f}  {len(kept):8}  {sum(kept):9}  {sum(kept) / len(kept):9.3f}")


if __name__ == "__main__":
    main()
