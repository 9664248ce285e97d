"""inconsistent_figures: one indicator given two different totals; a 其中 figure larger than its
total; more problems rectified than found."""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.figures_extract import Qty, quantities
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule

_KEY_LEN = 4
# A figure counts as a total only when its clause says so; per-village breakdowns differ legitimately.
_TOTAL_CUE = re.compile(r"全年|共|累计|合计|总计|全[镇乡县区市局校]|今年以来|年度")
_RECTIFIED = re.compile(
    r"发现(?:各类|突出|存在)?问题(\d+)(个|条|项|处)[^。；]{0,24}?整改(?:到位|完成|落实)?(?:问题)?(\d+)(个|条|项|处)"
)


_TO_LAST_CUT = re.compile(r".*[，。；：\n]", re.S)  # greedy: up to the last clause break


def _clause(text: str, start: int, end: int, back: int = 16) -> str:
    """The quantity with the clause before it, at most `back` characters back."""
    low = max(0, start - back)
    cut = _TO_LAST_CUT.match(text, low, start)
    return text[cut.end() if cut else low : end]


def _fmt(v: float | None) -> str:
    return "?" if v is None else (str(int(v)) if v == int(v) else str(v))


@rule(family="inconsistent_figures", name="two_totals", source="数据前后一致（观察所得）", authority="heuristic",
      max_severity="warning")
def two_totals(ctx: CheckContext) -> Iterator[Finding]:
    seen: dict[tuple[str, str], Qty] = {}
    for q in quantities(ctx):
        if q.value is None or q.approx or q.target or q.sub or len(q.activity) < _KEY_LEN:
            continue
        if not _TOTAL_CUE.search(_clause(ctx.text, q.end, q.end, 40)):
            continue
        key = (q.activity[-_KEY_LEN:], q.measure)
        first = seen.get(key)
        if first is None:
            seen[key] = q
            continue
        if first.value != q.value:
            yield ctx.finding(
                "inconsistent_figures", "two_totals", "warning",
                f"同一指标“{key[0]}”前后数字不一致：前文为{_fmt(first.value)}{q.measure}"
                f"（“{_clause(ctx.text, first.start, first.end)}”），此处为{_fmt(q.value)}{q.measure}",
                q.start, q.end,
            )


@rule(family="inconsistent_figures", name="part_exceeds_total", source="其中项不大于总数", authority="convention",
      max_severity="warning")
def part_exceeds_total(ctx: CheckContext) -> Iterator[Finding]:
    qs = quantities(ctx)
    for q in qs:
        if not q.sub or q.parent is None or q.value is None:
            continue
        total = qs[q.parent]
        if total.value is not None and total.measure == q.measure and q.value > total.value and not total.approx:
            yield ctx.finding(
                "inconsistent_figures", "part_exceeds_total", "warning",
                f"“其中”数字{_fmt(q.value)}{q.measure}大于总数{_fmt(total.value)}{total.measure}",
                q.start, q.end,
            )


@rule(family="inconsistent_figures", name="rectified_exceeds_found", source="整改数不大于发现数", authority="convention",
      max_severity="warning")
def rectified_exceeds_found(ctx: CheckContext) -> Iterator[Finding]:
    for m in _RECTIFIED.finditer(ctx.text):
        found, fixed = int(m.group(1)), int(m.group(3))
        if fixed > found and not ctx.in_noise(m.start(), m.end()):
            yield ctx.finding("inconsistent_figures", "rectified_exceeds_found", "warning",
                              f"整改问题{fixed}{m.group(4)}多于发现问题{found}{m.group(2)}，数字矛盾",
                              m.start(), m.end())
