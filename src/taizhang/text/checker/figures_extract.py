"""Quantities for the inconsistent_figures rules: the reader's indicators, in the shape the rules
compare (activity without its leading 全年/累计/共…, approximate and target figures marked)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from taizhang.text.checker.context import CheckContext
    from taizhang.text.model import Indicator

_STRIP = re.compile(r"^(?:全年|今年|年内|累计|共计|共|已|先后|合计|总计|还)+")


class Qty(NamedTuple):  # a named tuple: cheap to build, one per indicator
    value: float | None
    approx: bool
    measure: str
    target: bool
    activity: str
    start: int  # start of the quantity text (number plus measure word)
    end: int
    sub: bool  # a 其中 figure
    parent: int | None = None  # index of its total in the list


def quantities(ctx: CheckContext) -> list[Qty]:
    """One Qty per reader indicator, in the reader's order (computed once per check)."""
    cached = ctx.shared.get("quantities")
    if cached is None:
        cached = ctx.shared["quantities"] = [_from_indicator(i) for i in ctx.doc.indicators]
    return cached


def _from_indicator(ind: Indicator) -> Qty:
    return _new_qty(Qty, (
        None if ind.masked or ind.value is None else float(ind.value),
        ind.approx is not None, ind.measure, ind.kind == "target", _STRIP.sub("", ind.activity or ""),
        ind.start, ind.end, ind.parent is not None, ind.parent,
    ))


_new_qty = tuple.__new__  # skips the named tuple's Python-level __new__ (one Qty per indicator)
