"""placeholder: template blanks never filled in (XX, XXX镇, **, ○○, 某某, ____, [单位名称]).

One cheap pass finds candidate runs; the context tests that tell a blank from ordinary text
(X光, XXL, 3×4, 二〇〇八年) are done on the few candidates in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.text import scan
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule

_BLANK = "XxＸｘ×*＊○〇△□某_＿"
_CLASS = "[" + re.escape(_BLANK) + "]"
# a run of blank characters, found from its first one (one not after another): per character
# (scan.per_char), so that the engine skips straight to the few that occur
_RUN = scan.per_char(_BLANK, lambda c: f"{c}(?<!{_CLASS}{c}){_CLASS}*")
_CANDIDATE = re.compile(r"[XxＸｘ×]+|\*+|＊+|[○〇]{2,}|[△□]{2,}|某某+|_{2,}|＿{2,}")
# [单位名称], 【填写日期】...: per opening bracket. Any two matches that overlap end at the same
# closing bracket (the first one after them), so keeping the first of overlapping matches finds
# what one pattern starting with a class of brackets would.
_FIELD = scan.per_char("[【［(（", lambda c: (
    rf"{c}(?:[^\]】］)）\n，。、]{{0,6}}(?:名称|全称|姓名)|日期|时间|数字|数量|地点|填写[^\]】］)）\n]{{0,6}}"
    rf"|此处[^\]】］)）\n]{{0,6}})[\]】］)）]"))
_UNIT_AFTER = set("镇乡县市区省村局街社单部校院所站队组月日年名人次个场篇条项批期家份处")
_CN_NUM = set("一二三四五六七八九十百千〇零○")
# the commonest surnames: "张某某" withholds a name
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")


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
    if first == "某" and before in _SURNAMES:
        return False  # 张某某: a person's name withheld on purpose (courts, petitions), not a blank
    return True  # ＊, 某某, ____


@rule(family="placeholder", name="unfilled", source="模板占位符（观察所得）", authority="convention")
def unfilled(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.text
    spans = []
    for run in scan.finditer_per_char(text, _RUN):
        chunk = run.group(0)
        if len(chunk) == 1:
            if chunk not in "某_＿○〇" and _is_blank(text, run.start(), run.end()):  # a lone 某, _ or 〇 never is
                spans.append(run.span())
        elif chunk.count(chunk[0]) == len(chunk):  # one character repeated ("**", "XX"): one candidate
            if _is_blank(text, run.start(), run.end()):
                spans.append(run.span())
        else:
            spans.extend(m.span() for m in _CANDIDATE.finditer(text, run.start(), run.end())
                         if _is_blank(text, m.start(), m.end()))
    end = 0
    for m in scan.finditer_per_char(text, _FIELD):
        if m.start() >= end:
            spans.append(m.span())
            end = m.end()
    spans.sort()
    if ctx.noise:
        spans = [(s, e) for s, e in spans if not ctx.in_noise(s, e)]
    for s, e in spans:
        yield ctx.finding(
            "placeholder", "unfilled", "error",
            f"占位符“{text[s:e]}”未替换为实际内容（单位名称、数字或事项），材料不能直接使用", s, e,
        )
