"""placeholder: template blanks never filled in (XX, XXX镇, **, ○○, 某某, ____, [单位名称]).

One cheap pass finds candidate runs; the context tests that tell a blank from ordinary text
(X光, XXL, 3×4, 二〇〇八年) are done on the few candidates in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule

# one character class, written [c][c]* rather than [c]+: a leading repeat keeps the regex engine
# from skipping straight to the candidate characters
_RUN = re.compile(r"[XxＸｘ×*＊○〇某_＿][XxＸｘ×*＊○〇某_＿]*")
_CANDIDATE = re.compile(r"[XxＸｘ×]+|\*+|＊+|[○〇]{2,}|某某+|_{2,}|＿{2,}")
_FIELD = re.compile(
    r"[\[【［(（](?:单位名称|单位全称|姓名|名称|日期|时间|数字|数量|地点|填写[^\]】］)）\n]{0,6}|此处[^\]】］)）\n]{0,6})[\]】］)）]"
)
_UNIT_AFTER = set("镇乡县市区省村局街社单部校院所站队组月日年名人次个场篇条项批期家份处")
_CN_NUM = set("一二三四五六七八九十百千〇零○")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_blank(text: str, s: int, e: int) -> bool:
    run = text[s:e]
    before = text[s - 1] if s else ""
    after = text[e] if e < len(text) else ""
    first = run[0]
    if first in "XxＸｘ×":
        if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
            return False  # part of a Latin word (XXL, Windows XP)
        if len(run) >= 2:
            return True
        return first != "x" and not _ascii_alnum(before) and after in _UNIT_AFTER
    if first == "*":
        if len(run) >= 2:
            return True
        return (_is_cjk(before) or before in "（(“《" or before.isdigit()) and (_is_cjk(after) or after in "（(”》")
    if first in "○〇":
        return before not in _CN_NUM and after not in _CN_NUM and after != "年"
    return True  # ＊, 某某, ____


@rule(family="placeholder", name="unfilled", source="模板占位符（观察所得）", authority="convention")
def unfilled(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.text
    spans = []
    for run in _RUN.finditer(text):
        chunk = run.group(0)
        if len(chunk) == 1 and chunk in "某_＿○〇":
            continue  # a lone 某, _ or 〇 is never a blank
        if chunk.count(chunk[0]) == len(chunk):  # one character repeated ("**", "XX"): one candidate
            pieces = [run.span()]
        else:
            pieces = [m.span() for m in _CANDIDATE.finditer(text, run.start(), run.end())]
        spans.extend((s, e) for s, e in pieces if _is_blank(text, s, e))
    spans.extend(m.span() for m in _FIELD.finditer(text))  # starts with a bracket: a fast scan
    for s, e in sorted(spans):
        if ctx.in_noise(s, e):
            continue
        yield ctx.finding(
            "placeholder", "unfilled", "error",
            f"占位符“{text[s:e]}”未替换为实际内容（单位名称、数字或事项），材料不能直接使用", s, e,
        )
