#!/usr/bin/env python3
"""The plain scan that scripts/bench.sh runs beside claimdiff: one thread, one regular expression
made of every cue form of the built-in rules (past, present, participle and phrase forms of
rules/*/cues.toml, as written, no generated inflections), searched over each raw line of a JSON
Lines file; prints line number and form of every match. It knows nothing of speakers, content
or events: it is the floor that any reading of the same file costs.

usage: scripts/scan-cues.py CORPUS.jsonl > matches.txt
"""
import pathlib
import re
import sys
import tomllib

rules = pathlib.Path(__file__).resolve().parent.parent / "rules"
forms = set()
for path in sorted(rules.glob("*/cues.toml")):
    for cue in tomllib.loads(path.read_text(encoding="utf-8")).get("cue", []):
        for field in ("past", "present", "participle", "forms"):
            forms.update(f for f in cue.get(field, []) if f.strip())
# longest first, so that a phrase wins over a word it starts with
pattern = re.compile(
    r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b"
)
out = sys.stdout
with open(sys.argv[1], encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        for m in pattern.finditer(line):
            out.write(f"{n}\t{m.group()}\n")
