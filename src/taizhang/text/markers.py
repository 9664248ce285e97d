"""Regexes for heading markers and inline enumerations, shared by the cleaner
(never join a line onto a heading) and the outline stage."""

from __future__ import annotations

import re
from functools import lru_cache

CN_DIGITS = "零〇一二两三四五六七八九十百"
_SP = r"[ \t\u3000\xa0]*"

# (style, level, regex) -- matched at a line start; group "n" is the ordinal text
HEADING_STYLES: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("一、", 1, re.compile(_SP + r"(?P<m>(?P<n>[一二三四五六七八九十]{1,3})\s*(?:、|[．.](?![\d一二三四五六七八九十])))")),
    ("（一）", 2, re.compile(_SP + r"(?P<m>（(?P<n>[一二三四五六七八九十]{1,3})）[、．.]?)")),
    ("(一)", 2, re.compile(_SP + r"(?P<m>\((?P<n>[一二三四五六七八九十]{1,3})\)[、．.]?)")),
    ("1.", 3, re.compile(_SP + r"(?P<m>(?P<n>\d{1,2})\s*[.．](?![\d%％]))")),
    ("1、", 3, re.compile(_SP + r"(?P<m>(?P<n>\d{1,2})\s*、)")),
    ("（1）", 4, re.compile(_SP + r"(?P<m>[（(](?P<n>\d{1,2})[）)][、．.]?)")),
    ("①", 5, re.compile(_SP + r"(?P<m>(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))")),
)

# all heading styles in one regex: group "h<i>" names HEADING_STYLES[i], "n<i>" its ordinal
HEADING_ANY_RE = re.compile("|".join(
    rx.pattern.replace("(?P<m>", f"(?P<h{i}>", 1).replace("(?P<n>", f"(?P<n{i}>", 1)
    for i, (_, _, rx) in enumerate(HEADING_STYLES)))

# any heading marker at a line start (used by the cleaner)
LINE_MARKER_RE = re.compile(
    _SP + r"(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、](?!\d)"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]{1,2}[是要]|第[一二三四五六七八九十]{1,3}[，,、：:]|首先|其次|最后)"
)

# a line that starts with a heading marker (一、 （一） 1. （1）)
HEADING_LINE_RE = re.compile(_SP + r"(?:[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、](?!\d))")

# Inline enumerations (一是… 一要… 第一，… 首先，…) must follow a clause boundary
# or a line start (INLINE_BOUNDARY, checked on the character before the match).
INLINE_BOUNDARY = "。；;：:，,！？!?\u3000 \t\n"
# line starts that may carry a heading marker (a cheap prefilter)
HEADING_CANDIDATE_RE = re.compile(r"\n[ \t\u3000\xa0]*[一二三四五六七八九十（(\d①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]")
# one pass for all inline enumerations; the group name is the style key
# (starts with a bare character class: Python's regex engine then scans fast)
INLINE_ANY_RE = re.compile(
    r"[一二三四五六七八九十第首其再最]"
    r"(?:(?<=[一二三四五六七八九十])(?P<shi>[一二三四五六七八九十]{0,2}是(?!否|指|由|为|以))"
    r"|(?<=[一二三四五六七八九十])(?P<yao>[一二三四五六七八九十]{0,2}要(?![求素点]))"
    r"|(?<=第)(?P<di>[一二三四五六七八九十]{1,3})[，,、：:]"
    r"|(?<=[首其再最])(?P<shou>先|次|者|后)[，,：:])"
)
INLINE_GROUPS = {"shi": "一是", "yao": "一要", "di": "第一", "shou": "首先"}


def inline_number_text(m: re.Match) -> tuple[str, str]:
    """(style, ordinal text) of an INLINE_ANY_RE match."""
    whole = m.group()
    # each branch holds exactly one named group and closes it last: lastgroup names it
    style = INLINE_GROUPS.get(m.lastgroup)
    if style == "一是" or style == "一要":
        return style, whole[:-1]
    if style == "第一":
        return style, m.group("di")
    if style == "首先":
        return style, whole[:2]
    raise ValueError(whole)

_ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3, "再者": 3, "最后": 99}
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "零": 0, "〇": 0}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@lru_cache(maxsize=1024)
def ordinal(text: str) -> int:
    """The number a marker states: "十二" -> 12, "3" -> 3, "其次" -> 2, "②" -> 2."""
    if text.isdigit():
        return int(text)
    if text in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text]
    if len(text) == 1 and text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    return small_cn_int(text)


def small_cn_int(text: str) -> int:
    """Chinese numerals below 10000 ("十二", "一百零五", "两千") to int; 0 if unreadable."""
    total, current = 0, 0
    for ch in text:
        if ch in _CN:
            current = _CN[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "千":
            total += (current or 1) * 1000
            current = 0
        else:
            return 0
    return total + current
