"""Regexes for heading markers and inline enumerations, shared by the cleaner
(never join a line onto a heading) and the outline stage."""

from __future__ import annotations

import re
from functools import lru_cache

CN_DIGITS = "零〇一二两三四五六七八九十百"
_SP = r"[ \t\u3000\xa0]*"

# (style, level, regex) -- matched at a line start; group "n" is the ordinal text.
# A marker never runs past its line ([^\S\n]: any blank but a line break), so
# all lines can be matched by one scan of the text.
HEADING_STYLES: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("一、", 1, re.compile(_SP + r"(?P<m>(?P<n>[一二三四五六七八九十]{1,3})[^\S\n]*(?:、|[．.](?![\d一二三四五六七八九十])))")),
    ("（一）", 2, re.compile(_SP + r"(?P<m>（(?P<n>[一二三四五六七八九十]{1,3})）[、．.]?)")),
    ("(一)", 2, re.compile(_SP + r"(?P<m>\((?P<n>[一二三四五六七八九十]{1,3})\)[、．.]?)")),
    ("1.", 3, re.compile(_SP + r"(?P<m>(?P<n>\d{1,2})[^\S\n]*[.．](?![\d%％]))")),
    ("1、", 3, re.compile(_SP + r"(?P<m>(?P<n>\d{1,2})[^\S\n]*、)")),
    ("（1）", 4, re.compile(_SP + r"(?P<m>[（(](?P<n>\d{1,2})[）)][、．.]?)")),
    ("①", 5, re.compile(_SP + r"(?P<m>(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))")),
)

# all heading styles in one regex: group "h<i>" names HEADING_STYLES[i], "n<i>" its ordinal.
# The blanks every style starts with are matched once, before the alternatives
# (no marker starts with a blank, so the styles are tried after all of them either way).
assert all(rx.pattern.startswith(_SP) for _, _, rx in HEADING_STYLES)
HEADING_ANY_RE = re.compile(_SP + "(?:" + "|".join(
    rx.pattern[len(_SP):].replace("(?P<m>", f"(?P<h{i}>", 1).replace("(?P<n>", f"(?P<n{i}>", 1)
    for i, (_, _, rx) in enumerate(HEADING_STYLES)) + ")")

# any heading marker at a line start (used by the cleaner)
LINE_MARKER_RE = re.compile(
    _SP + r"(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、](?!\d)"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]{1,2}[是要]|第[一二三四五六七八九十]{1,3}[，,、：:]|首先|其次|最后)"
)

# a line that starts with a heading marker (一、 （一） 1. （1）)
HEADING_LINE_RE = re.compile(_SP + r"(?:[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、](?!\d))")

# Inline enumerations (一是… 一要… 第一，… 首先，…) must follow a clause boundary
# or a line start (INLINE_BOUNDARY, checked on the character before the match).
INLINE_BOUNDARY = "。；;：:，,！？!?\u3000 \t\n”」』"  # after a closing quote: “…记住了。”三是…
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

# The same matches found by scans led by one literal character (Python's regex
# engine skips to a literal far faster than it tests every character against a
# class): 是/要 right after a numeral (checked by a lookbehind, so the engine
# passes over the many other 是/要), 第 + numerals; 首/其/再/最 + 先/次/者/后
# from the places of those rare characters (str.find, faster still). No two of
# these can overlap, so the union, in text order, is what INLINE_ANY_RE.finditer gives.
_CN_ORDINALS = frozenset("一二三四五六七八九十")
_BOUNDARY_CHARS = frozenset(INLINE_BOUNDARY)
_SHI_RE = re.compile(r"是(?<=[一二三四五六七八九十]是)(?!否|指|由|为|以)")
_YAO_RE = re.compile(r"要(?<=[一二三四五六七八九十]要)(?![求素点])")
_DI_RE = re.compile(r"第([一二三四五六七八九十]{1,3})[，,、：:]")
_SHOU_NEXT = frozenset("先次者后")
_SHOU_AFTER = frozenset("，,：:")


def _at_boundary(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in _BOUNDARY_CHARS


def _after_numerals(text: str, rx: re.Pattern[str], style: str, out: list) -> None:
    """Matches of `rx` (是 or 要 after a numeral) whose one to three numerals
    start at a clause boundary (where the regex scan "[numeral]{1,3}是" would start)."""
    for m in rx.finditer(text):
        p = m.start()
        start = p - 1
        while start > 0 and p - start < 3 and text[start - 1] in _CN_ORDINALS:
            start -= 1
        if _at_boundary(text, start):
            out.append((start, p + 1, style, text[start:p + 1], text[start:p]))


def _ordinal_words(text: str, out: list) -> None:
    """首先， 其次， 再者， 最后， … at a clause boundary."""
    find = text.find
    for first in "首其再最":
        p = find(first)
        while p != -1:
            if text[p + 1:p + 2] in _SHOU_NEXT and text[p + 2:p + 3] in _SHOU_AFTER and _at_boundary(text, p):
                out.append((p, p + 3, "首先", text[p:p + 3], text[p:p + 2]))
            p = find(first, p + 1)


def find_inline(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, style, marker, ordinal text) of each inline enumeration
    marker (一是 一要 第一， 首先，) at a clause boundary or the text start, in
    text order: the INLINE_ANY_RE matches kept by the INLINE_BOUNDARY rule."""
    found: list[tuple[int, int, str, str, str]] = []
    _after_numerals(text, _SHI_RE, "一是", found)
    _after_numerals(text, _YAO_RE, "一要", found)
    found.extend((m.start(), m.end(), "第一", m.group(), m.group(1)) for m in _DI_RE.finditer(text)
                 if _at_boundary(text, m.start()))
    _ordinal_words(text, found)
    found.sort()
    return found


_ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3, "再者": 3, "最后": 99}
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "零": 0, "〇": 0}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@lru_cache(maxsize=1024)
def ordinal(text: str) -> int:
    """The number a marker states: "十二" -> 12, "3" -> 3, "其次" -> 2, "②" -> 2."""
    if len(text) == 1 and text in _CIRCLED:  # (before isdigit: "①".isdigit() is true, int("①") fails)
        return _CIRCLED.index(text) + 1
    if text.isdecimal():
        return int(text)
    if text in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text]
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
