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
def _data() -> list[tuple[tuple[str, ...], re.Pattern[str], dict]]:
    """(trigger substrings, pattern, entry): a pattern is tried only when a trigger occurs."""
    return [(tuple(f.get("trigger", ())), re.compile(f["pattern"]), f)
            for f in vocab.load("formulations")["formulations"]]


@rule(family="stale_formulation", name="superseded", source="data/formulations.yaml（中央文件表述的有效期）",
      authority="convention", max_severity="warning")
def superseded(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.years:
        return
    year = min(ctx.years)
    for triggers, pattern, item in _data():
        if year <= item["valid_to"] or (triggers and not any(t in ctx.text for t in triggers)):
            continue
        for m in pattern.finditer(ctx.text):
            if not ctx.in_noise(m.start(), m.end()):
                yield _finding(ctx, m, item, year)


def _finding(ctx: CheckContext, m: re.Match[str], item: dict, year: int) -> Finding:
    return ctx.finding(
        "stale_formulation", "superseded", item.get("severity", "warning"),
        f"“{m.group(0)}”是{item['since']}—{item['valid_to']}年的表述，用于{year}年材料已过时："
        f"{item['reason']}；可改为“{item['replacement']}”",
        m.start(), m.end(),
    )
