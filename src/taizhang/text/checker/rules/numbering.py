"""numbering: repeated, skipped or out-of-order ordinals at one level; mixed marker styles at one
level; 一是…三是 without 二是.

The reader's outline stage finds these (`Document.anomalies`); the rules report them, with the
number that was expected where the outline tells it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule
from taizhang.text.model import NumberingAnomaly, OutlineNode

_KIND_SEVERITY = {"repeated": "error", "skipped": "warning", "out_of_order": "warning",
                  "mixed_style": "info", "missing_enumeration": "warning"}
_NUMERAL = re.compile(r"\d+|[一二三四五六七八九十百]+")
_CN_DIGITS = "零一二三四五六七八九"
_EXCERPT_MAX = 40  # a heading finding shows the heading line, up to this many characters


@rule(family="numbering", name="sequence", source="GB/T 9704—2012 第7.3.3条（结构层次序数）", authority="standard")
def sequence(ctx: CheckContext) -> Iterator[Finding]:
    for a in ctx.doc.anomalies:
        if a.kind == "missing_enumeration" or ctx.in_noise(a.start, a.end):
            continue
        yield ctx.finding("numbering", "sequence", _KIND_SEVERITY.get(a.kind, "warning"), _message(ctx, a),
                          a.start, _heading_end(ctx.text, a))


@rule(family="numbering", name="enumeration", source="公文列举习惯（一是、二是…）", authority="convention",
      max_severity="warning")
def enumeration(ctx: CheckContext) -> Iterator[Finding]:
    for a in ctx.doc.anomalies:
        if a.kind == "missing_enumeration" and not ctx.in_noise(a.start, a.end):
            yield ctx.finding("numbering", "enumeration", "warning",
                              f"列举{a.detail or f'“{a.marker}”缺项'}，列举序号应连续", a.start, a.end)


def _message(ctx: CheckContext, a: NumberingAnomaly) -> str:
    if a.kind == "mixed_style":
        return f"{a.detail}，同级序号应统一" if a.detail else f"序号“{a.marker}”与同级序号样式不一致"
    prev = _previous_sibling(ctx.doc.outline, a.start)
    if a.kind == "repeated":
        expected = _renumber(a.marker, prev.number + 1) if prev else None
        return f"序号“{a.marker}”重复出现" + (f"，应为“{expected}”" if expected else "")
    if a.kind == "skipped" and prev is not None:
        return f"序号“{a.marker}”跳号：上一个同级序号是“{prev.marker}”，缺少“{_renumber(a.marker, prev.number + 1)}”"
    if a.kind == "out_of_order" and prev is not None:
        return f"序号“{a.marker}”顺序颠倒：上一个同级序号是“{prev.marker}”"
    return f"序号{a.detail}" if a.detail else f"序号“{a.marker}”异常"


def _heading_end(text: str, a: NumberingAnomaly) -> int:
    """A heading's finding runs to the end of its line (readable excerpt); inline markers stay as they are."""
    line_start = text.rfind("\n", 0, a.start) + 1
    if a.end - a.start > len(a.marker) or text[line_start : a.start].strip():
        return a.end
    line_end = text.find("\n", a.start)
    return min(line_end if line_end != -1 else len(text), a.start + _EXCERPT_MAX)


def _previous_sibling(nodes: list[OutlineNode], start: int) -> OutlineNode | None:
    """The node before the one starting at `start` among its siblings of the same level and kind."""
    for i, node in enumerate(nodes):
        if node.start == start:
            for prev in reversed(nodes[:i]):
                if prev.level == node.level and prev.inline == node.inline:
                    return prev
            return None
        if node.children and node.start < start:
            found = _previous_sibling(node.children, start)
            if found is not None:
                return found
    return None


def _renumber(marker: str, n: int) -> str:
    """`marker` with its numeral replaced by `n` in the same script: （二） -> （三）, 3. -> 4."""
    m = _NUMERAL.search(marker)
    if m is None:
        return marker
    digits = str(n) if m.group(0).isdigit() else _to_cn(n)
    return marker[: m.start()] + digits + marker[m.end() :]


def _to_cn(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
