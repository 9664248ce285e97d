"""inconsistent_figures: one indicator given two different totals; a 其中 figure larger than its
total; more problems rectified than found."""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.figures_extract import Qty, quantities
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule
from taizhang.text.scan import places

_KEY_LEN = 4
# A figure counts as a total only when its clause says so; per-village breakdowns differ legitimately.
_TOTAL_CUE = re.compile(r"全年|共|累计|合计|总计|全[镇乡县区市局校]|今年以来|年度")
# "发现问题24个，督促整改20个", "排查出各类安全播出隐患9处，整改完成12处": read from each 整改 —
# what was rectified after it, what was found in the stretch before it
_FOUND = re.compile(r"(?:(?:发现|排查出?|查找出?|梳理出?|查摆出?|检查出?|反馈|交办)[^，。；\d]{0,12}?(?:问题|隐患|短板|风险点?)"
                    r"(?P<n>\d+)(?P<m>个|条|项|处|起)|(?:发现|反馈|交办|排查出?|查摆出?)的?(?P<n2>\d+)(?P<m2>个|条|项|处|起)"
                    r"[^，。；\d]{0,8}?(?:问题|隐患))[^。；]{0,24}?\Z")
_FIXED = re.compile(r"(?:到位|完成|落实)?(?:问题|隐患)?(\d+)(个|条|项|处|起)")


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
    # a figure counts as a total when its clause says so (全年, 共, 累计…), or when a later figure of the
    # same indicator that says so meets it: "组织网评员撰写网评文章460篇" … "全年撰写网评文章640篇"
    seen: dict[tuple[str, str], tuple[Qty, bool]] = {}
    for q in quantities(ctx):
        if q.value is None or q.approx or q.target or q.sub or len(q.activity) < _KEY_LEN:
            continue
        total = bool(_TOTAL_CUE.search(_clause(ctx.text, q.end, q.end, 40)))
        key = (q.activity[-_KEY_LEN:], q.measure)
        if key not in seen:
            seen[key] = (q, total)
            continue
        first, first_total = seen[key]
        if not first_total and total:
            seen[key] = (q, True)  # later figures are compared with the stated total
        if not (total and (first_total or _same_words(first, q))):
            continue
        between = ctx.text[first.end:q.start]
        if first.value != q.value and any(c in between for c in "。；;\n"):  # one sentence: two things
            yield ctx.finding(
                "inconsistent_figures", "two_totals", "warning",
                f"同一指标“{first.activity}”前后数字不一致：前文为{_fmt(first.value)}{q.measure}"
                f"（“{_clause(ctx.text, first.start, first.end)}”），此处为{_fmt(q.value)}{q.measure}",
                q.start, q.end,
            )


def _same_words(a: Qty, b: Qty) -> bool:
    """Whether two figures name what they count in the very same words (six characters at least):
    without a total's cue, only a verbatim indicator is compared."""
    return len(a.activity) >= 6 and a.activity == b.activity


@rule(family="inconsistent_figures", name="part_exceeds_total", source="其中项不大于总数", authority="convention",
      max_severity="warning")
def part_exceeds_total(ctx: CheckContext) -> Iterator[Finding]:
    qs = quantities(ctx)
    yield from _parts_sum_exceeds(ctx, qs)
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


def _parts_sum_exceeds(ctx: CheckContext, qs: list[Qty]) -> Iterator[Finding]:
    """"发布稿件8650条，其中A3120条、B2460条、C3580条": exact parts of one measure adding up to more
    than their exact total (each part alone being smaller)."""
    parts: dict[int, list[Qty]] = {}
    for q in qs:
        if q.sub and q.parent is not None:
            parts.setdefault(q.parent, []).append(q)
    for parent, group in parts.items():
        total = qs[parent]
        if len(group) < 2 or total.value is None or total.approx or any(
                q.value is None or q.approx or q.measure != total.measure or q.value > total.value for q in group):
            continue
        whole = sum(q.value for q in group)
        if whole > total.value:
            yield ctx.finding("inconsistent_figures", "part_exceeds_total", "warning",
                              f"“其中”各项之和{_fmt(whole)}{total.measure}大于总数{_fmt(total.value)}{total.measure}",
                              group[0].start, group[-1].end)


@rule(family="inconsistent_figures", name="rectified_exceeds_found", source="整改数不大于发现数", authority="convention",
      max_severity="warning")
def rectified_exceeds_found(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.text
    for p in places(text, "整改"):
        fixed = _FIXED.match(text, p + 2)
        found = fixed and _FOUND.search(text, max(0, p - 60), p)
        if not found:
            continue
        n, unit = (found.group("n"), found.group("m")) if found.group("n") else (found.group("n2"), found.group("m2"))
        if int(fixed.group(1)) <= int(n) or ctx.in_noise(found.start(), fixed.end()):
            continue
        yield ctx.finding("inconsistent_figures", "rectified_exceeds_found", "warning",
                          f"整改{fixed.group(1)}{fixed.group(2)}多于发现的{n}{unit}，数字矛盾", found.start(), fixed.end())
