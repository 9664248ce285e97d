"""numbering: repeated, skipped or out-of-order ordinals at one level; 一是…三是 without 二是.

The reader's NumberingAnomaly records are reported as they are; the checker also scans the
three heading levels and inline enumerations itself (so it works on any Document) and
drops its own results where they duplicate the reader's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.numerals import cn_to_int
from taizhang.text.checker.registry import rule

_CN = "一二三四五六七八九十"
_LEVELS = [
    (1, re.compile(rf"^[ \t\u3000]*([{_CN}]{{1,3}})、", re.M), "{}、"),
    (2, re.compile(rf"^[ \t\u3000]*[（(]([{_CN}]{{1,3}})[）)]", re.M), "（{}）"),
    (3, re.compile(r"^[ \t\u3000]*(\d{1,2})(?:[.．、](?!\d))", re.M), "{}."),
]
_INLINE = re.compile(rf"(?:^|(?<=[。；;，,：:\s]))([{_CN}]{{1,2}})(是|要)(?![否的素求点害务件闻])", re.M)

_KIND_SEVERITY = {"repeated": "error", "skipped": "warning", "out_of_order": "warning",
                  "mixed_style": "info", "missing_enumeration": "warning"}


def _sequence_issue(prev: int, n: int) -> str | None:
    if n == prev:
        return "repeated"
    if n == 1:
        return None  # a new list starts
    if n > prev + 1:
        return "skipped"
    if n < prev:
        return "out_of_order"
    return None


def _message(kind: str, marker: str, prev_marker: str, expected: str) -> str:
    if kind == "repeated":
        return f"序号“{marker}”重复出现（上一个同级序号也是“{prev_marker}”），应为“{expected}”"
    if kind == "skipped":
        return f"序号“{marker}”跳号：上一个同级序号是“{prev_marker}”，缺少“{expected}”"
    return f"序号“{marker}”顺序颠倒：上一个同级序号是“{prev_marker}”"


def _scan_headings(ctx: CheckContext) -> Iterator[Finding]:
    boundaries: dict[int, list[int]] = {}
    for level, pattern, fmt in _LEVELS:
        # a level restarts after any heading of a higher level
        resets = sorted(p for lv, ps in boundaries.items() if lv < level for p in ps)
        starts: list[int] = []
        prev: tuple[int, str] | None = None
        ri = 0
        for m in pattern.finditer(ctx.text):
            if ctx.in_noise(m.start(), m.end()):
                continue
            starts.append(m.start())
            while ri < len(resets) and resets[ri] < m.start():
                prev, ri = None, ri + 1
            n = cn_to_int(m.group(1))
            if n is None:
                continue
            marker = m.group(0).strip()
            if prev is not None:
                kind = _sequence_issue(prev[0], n)
                if kind:
                    s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                    line_end = ctx.text.find("\n", s)
                    e = min(line_end if line_end != -1 else len(ctx.text), s + 40)
                    yield ctx.finding("numbering", "sequence", _KIND_SEVERITY[kind],
                                      _message(kind, marker, prev[1], _fmt(fmt, prev[0] + 1)), s, e)
            prev = (n, marker)
        boundaries[level] = starts


def _fmt(fmt: str, n: int) -> str:
    if "{}." in fmt:
        return fmt.format(n)
    return fmt.format(_int_to_cn(n))


def _int_to_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


def _scan_inline(ctx: CheckContext) -> Iterator[Finding]:
    prev: tuple[int, str, int] | None = None  # (number, marker, position)
    heading_starts = sorted(m.start() for _lv, p, _f in _LEVELS for m in p.finditer(ctx.text))
    hi = 0
    for m in _INLINE.finditer(ctx.text):
        if ctx.in_noise(m.start(), m.end()):
            continue
        while hi < len(heading_starts) and heading_starts[hi] <= m.start():
            prev, hi = None, hi + 1
        n = cn_to_int(m.group(1))
        if n is None or n > 10:
            continue
        marker = m.group(0)
        if prev is not None and prev[2] < m.start() and m.start() - prev[2] < 3000:
            kind = _sequence_issue(prev[0], n)
            if kind == "skipped":
                yield ctx.finding("numbering", "enumeration", "warning",
                                  f"列举“{prev[1]}”之后直接出现“{marker}”，缺少“{_int_to_cn(prev[0] + 1)}{m.group(2)}”",
                                  m.start(), m.end())
            elif kind == "repeated":
                yield ctx.finding("numbering", "enumeration", "warning",
                                  f"列举序号“{marker}”重复出现", m.start(), m.end())
        prev = (n, marker, m.start())


@rule(family="numbering", name="sequence", source="GB/T 9704—2012 第7.3.3条（结构层次序数）", authority="standard")
def sequence(ctx: CheckContext) -> Iterator[Finding]:
    own = list(_scan_headings(ctx))
    reader = [
        ctx.finding("numbering", "sequence", _KIND_SEVERITY.get(a.kind, "warning"),
                    a.detail or f"序号“{a.marker}”异常（{a.kind}）", a.start, a.end)
        for a in ctx.doc.anomalies
        if a.kind != "missing_enumeration" and not ctx.in_noise(a.start, a.end)
    ]
    yield from _merge(reader, own)


@rule(family="numbering", name="enumeration", source="公文列举习惯（一是、二是…）", authority="convention",
      max_severity="warning")
def enumeration(ctx: CheckContext) -> Iterator[Finding]:
    own = list(_scan_inline(ctx))
    reader = [
        ctx.finding("numbering", "enumeration", "warning", a.detail or f"列举“{a.marker}”缺项", a.start, a.end)
        for a in ctx.doc.anomalies
        if a.kind == "missing_enumeration" and not ctx.in_noise(a.start, a.end)
    ]
    yield from _merge(reader, own)


def _merge(first: list[Finding], second: list[Finding]) -> Iterator[Finding]:
    yield from first
    for f in second:
        if not any(g.start < f.end and f.start < g.end for g in first):
            yield f
