"""punctuation: half-width marks in Chinese text, doubled marks, unbalanced quotes and
brackets, 1、 where GB/T 9704 uses 1. (GB/T 15834—2011 标点符号用法)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule

_CJK = "\u4e00-\u9fff"
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# the mark comes first so that the engine skips straight to the rare half-width marks
_HALF = re.compile(rf"([,;:?!])(?:(?<=[{_CJK}”’）》].)(?=[{_CJK}“‘（《])|(?<=[{_CJK}].)(?=\s*$))", re.M)
_ANY_HALF = re.compile(r"[,;:?!(]")
_PAREN = re.compile(rf"\(([^()\n]{{0,40}}[{_CJK}][^()\n]{{0,40}})\)")
_DOUBLED = re.compile(r"([，。、；：])[，。、；：]+")
# at a line start: tested in list_marker. A pattern must start with a plain character class (not a
# repeat) for the regex engine to skip straight to candidates: hence [0-9][0-9]? rather than [0-9]{1,2}.
_DOT_LIST = re.compile(r"([0-9０-９][0-9０-９]?)、")
_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_BRACKET_OR_BREAK = re.compile("[" + "".join(_PAIRS) + "".join(_CLOSERS) + "\n]")


def _first_warning(ctx: CheckContext, items: list[tuple[int, int, str, str | None]], message: str,
                   rule_name: str) -> Iterator[Finding]:
    """First occurrence as a warning, the rest as info (the same slip repeated)."""
    for i, (s, e, what, fix) in enumerate(items):
        sev = "warning" if i == 0 else "info"
        extra = "" if i == 0 else f"（同类问题共{len(items)}处）"
        yield ctx.finding("punctuation", rule_name, sev, message.format(what) + extra, s, e,
                          suggestion=fix, fixable=fix is not None)


@rule(family="punctuation", name="half_width", source="GB/T 15834—2011 标点符号用法（中文使用全角标点）",
      authority="standard", max_severity="warning")
def half_width(ctx: CheckContext) -> Iterator[Finding]:
    items: list[tuple[int, int, str, str | None]] = []
    if _ANY_HALF.search(ctx.text) is None:
        return
    for m in _HALF.finditer(ctx.text):
        ch = m.group(1) or m.group(2)
        s = m.start()
        if not ctx.in_noise(s, s + 1):
            items.append((s, s + 1, ch, _FULL[ch]))
    for m in _PAREN.finditer(ctx.text):
        if not ctx.in_noise(m.start(), m.end()):
            items.append((m.start(), m.start() + 1, "(", "（"))
            items.append((m.end() - 1, m.end(), ")", "）"))
    items.sort()
    yield from _first_warning(ctx, items, "中文语句中使用了半角标点“{}”，应使用全角标点", "half_width")


@rule(family="punctuation", name="doubled", source="GB/T 15834—2011", authority="standard", max_severity="warning")
def doubled(ctx: CheckContext) -> Iterator[Finding]:
    for m in _DOUBLED.finditer(ctx.text):
        if not ctx.in_noise(m.start(), m.end()):
            yield ctx.finding("punctuation", "doubled", "warning", f"标点“{m.group(0)}”连用，应只保留一个",
                              m.start(), m.end(), suggestion=m.group(1), fixable=True)


@rule(family="punctuation", name="unbalanced", source="GB/T 15834—2011（引号、括号、书名号成对使用）",
      authority="standard", max_severity="warning")
def unbalanced(ctx: CheckContext) -> Iterator[Finding]:
    text, starts = ctx.text, ctx.line_starts
    for n in _lines_with_unequal_counts(text):
        pos = starts[n]
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(text)
        if ctx.in_noise(pos, end):
            continue
        for s, ch in _unbalanced_in(text[pos:end]):
            yield ctx.finding("punctuation", "unbalanced", "warning",
                              f"“{ch}”没有配对的{'后' if ch in _PAIRS else '前'}半部分，引号、括号、书名号应成对使用",
                              pos + s, pos + s + 1)


def _lines_with_unequal_counts(text: str) -> list[int]:
    """Line numbers (0-based) where some opener and its closer occur a different number of times:
    one scan collects just the brackets and line breaks."""
    out, line, balance, touched = [], 0, dict.fromkeys(_PAIRS, 0), False
    for ch in _BRACKET_OR_BREAK.findall(text):
        if ch == "\n":
            if touched:
                if any(balance.values()):
                    out.append(line)
                balance, touched = dict.fromkeys(_PAIRS, 0), False
            line += 1
        elif ch in _PAIRS:
            balance[ch] += 1
            touched = True
        else:
            balance[_CLOSERS[ch]] -= 1
            touched = True
    if touched and any(balance.values()):
        out.append(line)
    return out


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
        s = m.end() - 1
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip(" \t\u3000") and not ctx.in_noise(m.start(), m.end()):
            yield ctx.finding("punctuation", "list_marker", "info",
                              f"序号“{m.group(1)}、”不合公文格式，阿拉伯数字序号后应用下脚点“{m.group(1)}.”", s, s + 1,
                              suggestion=".", fixable=False)
