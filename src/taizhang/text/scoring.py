"""Scoring extracted indicators against gold annotations (INDICATORS_SPEC.md).

A predicted indicator matches a gold item when its span overlaps the gold qty
occurrence inside the gold anchor. Recall counts non-optional gold items;
precision does not penalise hits on optional items. Used by
tests/text/test_score_gold.py and bench/score_indicators.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from taizhang.text.model import Document

_PUNCT = re.compile(r"[\s\W_]+")


def locate_gold(repo_root: Path) -> Path | None:
    """The shared gold folder next to the repository (../shared/gold)."""
    gold = repo_root.resolve().parent / "shared" / "gold"
    return gold if (gold / "seeds_indicators.jsonl").is_file() else None


def load_gold(gold_dir: Path, name: str = "seeds_indicators.jsonl") -> dict[str, list[dict]]:
    """The gold items of `gold_dir`/`name`, by document."""
    by_doc: dict[str, list[dict]] = {}
    for line in (gold_dir / name).read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            by_doc.setdefault(item["doc"], []).append(item)
    return by_doc


def _strip(text: str) -> str:
    return _PUNCT.sub("", text)


@dataclass
class Score:
    gold_required: int = 0
    found_required: int = 0
    predicted: int = 0
    predicted_ok: int = 0
    matched: int = 0
    measure_ok: int = 0
    approx_ok: int = 0
    kind_ok: int = 0
    activity_ok: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def ratio(self, a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def figures(self) -> dict[str, float]:
        return {
            "recall": self.ratio(self.found_required, self.gold_required),
            "precision": self.ratio(self.predicted_ok, self.predicted),
            "measure": self.ratio(self.measure_ok, self.matched),
            "approx": self.ratio(self.approx_ok, self.matched),
            "kind": self.ratio(self.kind_ok, self.matched),
            "activity": self.ratio(self.activity_ok, self.matched),
        }


def score_document(doc: Document, gold: list[dict], score: Score) -> None:
    src = doc.source_text
    spans = []
    for item in gold:
        a = src.find(item["anchor"])
        q = item["anchor"].find(item["qty"])
        if a < 0 or q < 0:
            raise ValueError(f"gold anchor not found in {item['doc']}: {item['anchor']}")
        spans.append((a + q, a + q + len(item["qty"]), item))
    used = set()
    for ind in doc.indicators:
        score.predicted += 1
        hit = next(((s, e, it) for s, e, it in spans if ind.start < e and s < ind.end), None)
        if hit is None:
            score.false_hits.append(f"{doc.path}: {src[max(0, ind.start - 8):ind.end + 4]!r}")
            continue
        score.predicted_ok += 1
        s, e, item = hit
        if id(item) in used:
            continue
        used.add(id(item))
        score.matched += 1
        score.measure_ok += ind.measure == item["measure"]
        score.approx_ok += ind.approx == item["approx"]
        score.kind_ok += ind.kind == item["kind"]
        act_ok = _strip(item["activity"]) in _strip(ind.activity)
        score.activity_ok += act_ok
        if not (ind.measure == item["measure"] and ind.approx == item["approx"] and ind.kind == item["kind"] and act_ok):
            score.wrong.append(f"{item['anchor']}: got {ind.measure}/{ind.approx}/{ind.kind}/{ind.activity!r}"
                               f" want {item['measure']}/{item['approx']}/{item['kind']}/{item['activity']!r}")
    for s, e, item in spans:
        if item["optional"]:
            continue
        score.gold_required += 1
        if id(item) in used:
            score.found_required += 1
        else:
            score.misses.append(f"{item['doc']}: {item['anchor']}")


def score_seeds(seeds_dir: Path, gold_dir: Path, read) -> Score:
    """Read every seed with `read(path) -> Document` and score it."""
    gold = load_gold(gold_dir)
    score = Score()
    for name, items in sorted(gold.items()):
        score_document(read(seeds_dir / name), items, score)
    return score
