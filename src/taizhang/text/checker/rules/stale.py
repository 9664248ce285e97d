"""stale_formulation: political formulations used as current after they were superseded
(data/formulations.yaml, each with its period of validity)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from taizhang.text.checker import vocab
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule


@lru_cache(maxsize=1)
def _data() -> tuple[re.Pattern[str], list[tuple[frozenset[str], re.Pattern[str], dict]]]:
    """(one pattern finding every trigger, [(triggers, pattern, entry)]): a pattern is tried only
    when one of its triggers occurs (one scan finds which do)."""
    items = [(frozenset(f.get("trigger", ())), re.compile(f["pattern"]), f)
             for f in vocab.load("formulations")["formulations"]]
    return vocab.alternation([t for triggers, _p, _f in items for t in triggers]), items


@rule(family="stale_formulation", name="superseded", source="data/formulations.yaml（中央文件表述的有效期）",
      authority="convention", max_severity="warning")
def superseded(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.years:
        return
    year = min(ctx.years)
    trigger_pattern, items = _data()
    present: set[str] | None = None
    for triggers, pattern, item in items:
        if year <= item["valid_to"]:
            continue
        if triggers:
            if present is None:
                present = _present(trigger_pattern, ctx.text)
            if triggers.isdisjoint(present):
                continue
        lead = item.get("lead", ())
        for m in pattern.finditer(ctx.text):
            start, end = m.span()
            if start and ctx.text[start - 1] in lead:
                start -= 1
            if not ctx.in_noise(start, end):
                yield _finding(ctx, start, end, item, year)


def _finding(ctx: CheckContext, start: int, end: int, item: dict, year: int) -> Finding:
    return ctx.finding(
        "stale_formulation", "superseded", item.get("severity", "warning"),
        f"“{ctx.text[start:end]}”是{item['since']}—{item['valid_to']}年的表述，用于{year}年材料已过时："
        f"{item['reason']}；可改为“{item['replacement']}”",
        start, end,
    )


def _present(pattern: re.Pattern[str], text: str) -> set[str]:
    """The trigger strings occurring in `text` (a trigger inside a longer one is found too)."""
    found: set[str] = set()
    m = pattern.search(text)
    while m is not None:
        found.add(m.group(0))
        m = pattern.search(text, m.start() + 1)
    # a shorter trigger at the same place ("小康" in "小康社会") is not a match of its own
    return found | {t for t in _triggers() if t not in found and any(t in f for f in found)}


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    return frozenset(t for triggers, _p, _f in _data()[1] for t in triggers)
