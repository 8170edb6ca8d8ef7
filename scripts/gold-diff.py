#!/usr/bin/env python3
"""Lists where a JSON report differs from a claim-gold/1 file: each gold claim with the reported
claim matched to it (same one-to-one overlap matching as score.py), then reported claims that
match nothing.

usage: scripts/gold-diff.py GOLD.json REPORT.json
"""
import json, sys

from goldmatch import match

def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    rep = json.load(open(sys.argv[2], encoding="utf-8"))
    claims = rep.get("claims", [])
    g2s = match(gold, claims)
    taken = set(g2s.values())
    for g in gold["claims"]:
        s = claims[g2s[g["id"]]] if g["id"] in g2s else None
        if s is None:
            flag = "MISS" if g["required"] else "miss(opt)"
            print(f"{flag:9} {g['id']} {g['parties']} {g['stance']} | {g['anchor']}")
            continue
        parties = sorted(set(s["speaker"]["parties"]))
        bad = []
        if g["required"] and parties != sorted(set(g["parties"])):
            bad.append(f"parties {parties} != {g['parties']}")
        coarse = lambda x: x if x in ("deny", "negative", "positive") else "other"
        if g["required"] and coarse(s["stance"]) != coarse(g["stance"]):
            bad.append(f"stance {s['stance']} != {g['stance']}")
        if g.get("event") and s.get("event") is None:
            bad.append(f"event None != {g['event']}")
        print(f"{'BAD' if bad else 'ok':9} {g['id']} {'; '.join(bad)} | {s['speaker']['name']} | {s['rule']} | {s['text'][:70]}")
    for i, s in enumerate(claims):
        if i not in taken:
            print(f"EXTRA     {s['id']} {s['speaker']['name']} {s['speaker']['parties']} {s['stance']} | {s['rule']} | {s['text'][:90]}")

if __name__ == "__main__":
    main()
