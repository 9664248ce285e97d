"""punctuation: half-width marks in Chinese text, doubled marks, unbalanced quotes and
brackets, 1、 where GB/T 9704 uses 1. (GB/T 15834—2011 标点符号用法)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.text import scan
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule

_CJK = "\u4e00-\u9fff"
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。", '"': None}
_HALF_MESSAGE = {mark: f"中文语句中使用了半角标点“{mark}”，应使用全角标点" for mark in _FULL}
_HALF_MESSAGE['"'] = "中文语句中使用了半角引号“\"”，应使用全角引号“”"
# a full stop after Chinese text that ends its line or is followed by more Chinese ("风采.\n"); straight
# double quotes between Chinese characters ("最美家庭""文明楼栋"), whose full-width form depends on the side
_HALF_MORE = {
    ".": re.compile(rf"\.(?<=[{_CJK}”’）》]\.)(?=\s*$|[{_CJK}“‘（《])", re.M),
    '"': re.compile(rf'"(?:(?<=[{_CJK}，。、；："]")(?=[{_CJK}])|(?<=[{_CJK}]")(?=[{_CJK}，。、；："]))'),
}
# a half-width mark between Chinese text, or ending a line of it (per mark: see scan.py)
_HALF = scan.per_char(",;:?!", lambda c: rf"{c}(?:(?<=[{_CJK}”’）》].)(?=[{_CJK}“‘（《])|(?<=[{_CJK}].)(?=\s*$))", re.M)
_PAREN = re.compile(rf"\(([^()\n]{{0,40}}[{_CJK}][^()\n]{{0,40}})\)")
_MARKS = "，。、；：！？"
# a run of two or more marks, from its first one (one not after another mark): per mark, see scan.py
_DOUBLED = scan.per_char(_MARKS, lambda c: f"{c}(?<![{_MARKS}]{c})[{_MARKS}]+")
# "1、" at a line start (tested in list_marker): the pattern starts with the literal 、 so that the
# engine skips straight to it; list_marker finds the one or two digits before it.
_DOT_LIST = re.compile(r"、(?<=[0-9０-９]、)")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_SENTENCE_END = frozenset("。！？；：!?;:")
_BRACKET_OR_BREAK = re.compile("[" + "".join(_PAIRS) + "".join(_CLOSERS) + "\n]")
# an opener counts +1 and its closer -1 in the pair's own 64-bit digit: a line's sum is zero exactly
# when each pair balances (a line is far shorter than 2**63 characters, so digits never carry over)
_WEIGHT = {ch: sign << (64 * i) for i, pair in enumerate(_PAIRS.items()) for ch, sign in zip(pair, (1, -1))}


@rule(family="punctuation", name="half_width", source="GB/T 15834—2011 标点符号用法（中文使用全角标点）",
      authority="standard", max_severity="warning")
def half_width(ctx: CheckContext) -> Iterator[Finding]:
    """The first half-width mark as a warning, the rest as info (the same slip repeated)."""
    text = ctx.text
    items = [m.start() for m in scan.finditer_per_char(text, _HALF)]  # one character each
    if "." in text or '"' in text:
        items = sorted(set(items) | {m.start() for m in scan.finditer_per_char(text, _HALF_MORE)})
    if ctx.noise:
        items = [s for s in items if not ctx.in_noise(s, s + 1)]
    if "(" in text:
        for m in _PAREN.finditer(text):
            if not ctx.in_noise(m.start(), m.end()):
                items += (m.start(), m.end() - 1)
        items.sort()
    repeated = f"（同类问题共{len(items)}处）"
    for i, s in enumerate(items):
        mark = text[s]
        yield ctx.finding("punctuation", "half_width", "info" if i else "warning",
                          _HALF_MESSAGE[mark] + repeated if i else _HALF_MESSAGE[mark], s, s + 1, _FULL[mark],
                          _FULL[mark] is not None)


@rule(family="punctuation", name="doubled", source="GB/T 15834—2011", authority="standard", max_severity="warning")
def doubled(ctx: CheckContext) -> Iterator[Finding]:
    for m in scan.finditer_per_char(ctx.text, _DOUBLED):
        if not ctx.in_noise(m.start(), m.end()):
            yield ctx.finding("punctuation", "doubled", "warning", f"标点“{m.group(0)}”连用，应只保留一个",
                              m.start(), m.end(), suggestion=m.group(0)[0], fixable=True)


@rule(family="punctuation", name="unbalanced", source="GB/T 15834—2011（引号、括号、书名号成对使用）",
      authority="standard", max_severity="warning")
def unbalanced(ctx: CheckContext) -> Iterator[Finding]:
    text, starts = ctx.text, ctx.line_starts

    def line_end(n: int) -> int:
        return starts[n + 1] - 1 if n + 1 < len(starts) else len(text)

    lines = _lines_with_unequal_counts(text)
    wrapped = _wrapped_pairs(text, lines, starts, line_end)
    for n in lines:
        pos, end = starts[n], line_end(n)
        if n in wrapped or ctx.in_noise(pos, end):
            continue
        for s, ch in _unbalanced_in(text[pos:end]):
            yield ctx.finding("punctuation", "unbalanced", "warning",
                              f"“{ch}”没有配对的{'后' if ch in _PAIRS else '前'}半部分，引号、括号、书名号应成对使用",
                              pos + s, pos + s + 1)


_WRAP_CHAIN = 6  # lines one wrapped passage of quotations may run over


def _wrapped_pairs(text: str, lines: list[int], starts: list[int], line_end) -> set[int]:
    """Unbalanced lines that balance joined with the lines after them (up to _WRAP_CHAIN), each but
    the last stopping mid-sentence: a hard line wrap (text copied from a PDF or a narrow page) split
    the quotations, not the writer. A chain may pass through lines that balance on their own
    counts (“绿色学\n校”创建…“生态环境保\n护…”)."""
    out: set[int] = set()
    for n in lines:
        if n in out:
            continue
        joined, k = "", n
        while k < len(starts) and k - n < _WRAP_CHAIN:
            end = line_end(k)
            joined += text[starts[k]:end]
            if k > n and not _unbalanced_in(joined):
                out.update(range(n, k + 1))
                break
            if end == starts[k] or text[end - 1] in _SENTENCE_END:
                break  # a sentence ends here: no wrap runs on
            k += 1
    return out


def _lines_with_unequal_counts(text: str) -> list[int]:
    """Line numbers (0-based) where some opener and its closer occur a different number of times:
    one scan collects just the brackets and line breaks, then each line's brackets are summed with
    _WEIGHT (zero exactly when every pair balances)."""
    lines = "".join(_BRACKET_OR_BREAK.findall(text)).split("\n")
    return [n for n, marks in enumerate(lines) if marks and sum(map(_WEIGHT.__getitem__, marks))]


def _unbalanced_in(line: str) -> list[tuple[int, str]]:
    if all(line.count(o) == line.count(c) for o, c in _PAIRS.items()):
        return []  # balanced counts: mis-nesting is too rare to pay a character loop for
    stack: list[tuple[int, str]] = []
    bad: list[tuple[int, str]] = []
    for i, ch in enumerate(line):
        if ch in _PAIRS:
            stack.append((i, ch))
        elif ch in _CLOSERS:
            if stack and stack[-1][1] == _CLOSERS[ch]:
                stack.pop()
            elif any(o == _CLOSERS[ch] for _i, o in stack):
                while stack and stack[-1][1] != _CLOSERS[ch]:
                    bad.append(stack.pop())
                stack.pop()
            else:
                bad.append((i, ch))
    return sorted(bad + stack)


@rule(family="punctuation", name="list_marker", source="GB/T 9704—2012 第7.3.3条（第三层序数用“1.”）",
      authority="standard", max_severity="info")
def list_marker(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.text
    for m in _DOT_LIST.finditer(text):
        s = m.start()
        start = s - 2 if s >= 2 and text[s - 2] in _DIGITS else s - 1  # as ([0-9][0-9]?)、 would match
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip(" \t\u3000") and not ctx.in_noise(start, s + 1):
            number = text[start:s]
            yield ctx.finding("punctuation", "list_marker", "info",
                              f"序号“{number}、”不合公文格式，阿拉伯数字序号后应用下脚点“{number}.”", s, s + 1,
                              suggestion=".", fixable=False)
