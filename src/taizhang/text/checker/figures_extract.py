"""Quantities for the inconsistent_figures rules: the reader's indicators when it gives them,
else a small extraction of "activity + number + measure word" from source_text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taizhang.text.checker.context import CheckContext

_MEASURES = "万人次|人次|场次|条|篇|次|期|个|场|名|项|块|份|件|起|家|处|批|支|万元|元"
_QTY = re.compile(
    rf"(?P<act>[\u4e00-\u9fff“”]{{2,24}}?)(?P<num>\d+(?:\.\d+)?)(?P<approx>余|多)?(?P<measure>{_MEASURES})"
)
_APPROX_BEFORE = re.compile(r"(?:约|近|超过|至少|不少于|不低于|不超过|达到|逾)$")
_RATE = re.compile(r"每[年季月周天日]|每季度|平均|人均|至少|不少于|力争|计划|争取")
_STRIP = re.compile(r"^(?:全年|今年|年内|累计|共计|共|已|先后|合计|总计|还)+")


@dataclass(frozen=True)
class Qty:
    value: float | None
    approx: bool
    measure: str
    target: bool
    activity: str
    start: int  # start of the activity phrase
    end: int  # end of the quantity
    sub: bool  # a 其中 figure
    parent: int | None = None


def quantities(ctx: CheckContext) -> list[Qty]:
    if ctx.doc.indicators:
        return [_from_indicator(ctx, i) for i in ctx.doc.indicators]
    return _extract(ctx)


def _from_indicator(ctx: CheckContext, ind) -> Qty:  # noqa: ANN001 - model.Indicator
    return Qty(
        None if ind.masked or ind.value is None else float(ind.value),
        ind.approx is not None, ind.measure, ind.kind == "target", _STRIP.sub("", ind.activity or ""),
        ind.start, ind.end, ind.parent is not None, ind.parent,
    )


def _extract(ctx: CheckContext) -> list[Qty]:
    out: list[Qty] = []
    text = ctx.text
    for m in _QTY.finditer(text):
        if ctx.in_noise(m.start(), m.end()):
            continue
        act = m.group("act")
        clause_start = max(text.rfind(c, 0, m.start("num")) for c in "，。；：、\n")
        sentence_start = max(text.rfind(c, 0, m.start("num")) for c in "。；\n")
        sub = "其中" in text[sentence_start + 1 : m.start("num")] and "其中" in text[clause_start - 3 : m.start("num")]
        approx = bool(m.group("approx")) or bool(_APPROX_BEFORE.search(act))
        target = bool(_RATE.search(text[clause_start + 1 : m.start("num")])) or ctx.section_at(m.start()).kind == "plans"
        parent = None
        if sub:
            for j in range(len(out) - 1, -1, -1):
                if out[j].end > sentence_start and not out[j].sub and out[j].measure == m.group("measure"):
                    parent = j
                    break
        out.append(Qty(float(m.group("num")), approx, m.group("measure"), target,
                       _STRIP.sub("", act), m.start("act"), m.end(), sub, parent))
    return out
