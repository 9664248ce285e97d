"""Scoring checker findings against the gold defect list (shared/gold/seeds_findings.jsonl).

A gold item is detected when a finding of the same family overlaps its span ("span"), one
occurrence of its anchor ("one"), or every occurrence ("all"); a warning/error finding is
unmatched when it overlaps no occurrence of any gold item of its family (optional ones included).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "seeds_findings.jsonl"
SEEDS = SHARED / "seeds"


@dataclass
class Score:
    detected: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missed: list[dict] = field(default_factory=list)
    unmatched: dict[str, list] = field(default_factory=lambda: defaultdict(list))


def load_gold(path: Path = GOLD) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            by_doc[item["doc"]].append(item)
    return by_doc


def occurrences(text: str, item: dict) -> list[tuple[int, int]]:
    if item["occurrence"] == "span":
        return [(item["start"], item["end"])]
    out, i = [], text.find(item["anchor"])
    while i != -1:
        out.append((i, i + len(item["anchor"])))
        i = text.find(item["anchor"], i + 1)
    return out


def _overlaps(f, span: tuple[int, int]) -> bool:
    return f.start < span[1] and span[0] < f.end


def score_doc(name: str, text: str, findings, items: list[dict], score: Score) -> None:
    spans = [(item, occurrences(text, item)) for item in items]
    for item, occ in spans:
        fams = [f for f in findings if f.family == item["family"]]
        hit = [any(_overlaps(f, o) for f in fams) for o in occ]
        ok = bool(occ) and (all(hit) if item["occurrence"] == "all" else any(hit))
        if item["optional"]:
            continue
        score.total[item["family"]] += 1
        if ok:
            score.detected[item["family"]] += 1
        else:
            score.missed.append(item)
    for f in findings:
        if f.severity == "info":
            continue
        if not any(item["family"] == f.family and any(_overlaps(f, o) for o in occ) for item, occ in spans):
            score.unmatched[name].append(f)


def score_seeds(check) -> tuple[Score, list[str]]:
    score = Score()
    gold = load_gold()
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in names:
        text = (SEEDS / name).read_text("utf-8")
        findings = check(SEEDS / name)
        score_doc(name, text, findings, gold.get(name, []), score)
    return score, names
