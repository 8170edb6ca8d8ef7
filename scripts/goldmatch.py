"""The one-to-one matching of reported claims to gold claims that score.py uses: required gold
claims first, each taking the unmatched reported claim of its document that overlaps its anchor
most."""


def match(gold, claims):
    """Maps each matched gold claim id to the index of its reported claim."""
    taken, g2s = set(), {}
    for g in sorted(gold["claims"], key=lambda g: not g["required"]):
        a, b = g["anchor_span"]["start"], g["anchor_span"]["end"]
        best, best_ov = None, 0
        for i, s in enumerate(claims):
            if i in taken or s.get("doc") != g["doc"]:
                continue
            ov = min(b, s["span"]["end"]) - max(a, s["span"]["start"])
            if ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            taken.add(best)
            g2s[g["id"]] = best
    return g2s
