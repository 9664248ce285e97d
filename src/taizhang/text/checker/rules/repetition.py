"""repetition: doubled characters/words that are slips (开展开展, 四是是, 的的), not legitimate
reduplication (常常, 层层, 研究研究…: data/repetition.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from operator import methodcaller

from taizhang.text.checker import vocab
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule

_CJK = "\u4e00-\u9fff"
_START = methodcaller("start")
_NUMERALS = set("一二三四五六七八九十百千万两零〇几")
_WORD = re.compile(rf"([{_CJK}]{{2,4}})\1")
_LISTED = re.compile(rf"([{_CJK}]{{2,6}})、\1(?=[{_CJK}])")
# A、A needs the two characters after 、 to be the two that begin A, 2 to 6 characters before it: a 、
# (the engine skips to it) where that holds; _first_listed then tests the items themselves
_LISTED_HINT = re.compile(r"、(?:(?<=(..)、)\1|(?<=(..).、)\2|(?<=(..)..、)\3|(?<=(..)...、)\4|(?<=(..)....、)\5)")
# 四是是, 三要要 (not 是是非非): one pattern per doubling, each starting with its literal (an alternation
# of literals makes the engine test a class of first characters at every position, ten times slower)
_ENUM = [re.compile(rf"{c}{c}(?<=[一二三四五六七八九十]{c}{c})(?!非)") for c in "是要"]


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], re.Pattern[str], dict[str, str], list[str]]:
    d = vocab.load("repetition")
    chars: dict[str, str] = d["doubled_chars"]
    # one class and a backreference, not one alternative per character: the engine skips to the class
    pattern = re.compile(f"([{''.join(map(re.escape, chars))}])\\1")
    return frozenset(d["whitelist"]), pattern, chars, list(d["exceptions"])


def _excepted(text: str, start: int, end: int, exceptions: list[str]) -> bool:
    doubled = text[start:end]
    for exc in exceptions:
        if doubled not in exc:  # an exception covering the span holds it: most are skipped here
            continue
        lo = max(0, start - len(exc) + 1)
        hi = min(len(text), end + len(exc) - 1)
        if exc in text[lo:hi]:
            idx = text.find(exc, lo, hi)
            while idx != -1:
                if idx <= start and idx + len(exc) >= end:
                    return True
                idx = text.find(exc, idx + 1, hi)
    return False


@rule(family="repetition", name="doubled_word", source="字词重复（观察所得）；叠词白名单 data/repetition.yaml",
      authority="convention")
def doubled_word(ctx: CheckContext) -> Iterator[Finding]:
    whitelist, _p, _c, exceptions = _data()
    text = ctx.text
    for start, end in _doubled_words(text):
        word = text[start : (start + end) // 2]
        if text[start:end] in whitelist or word in whitelist or word[0] in _NUMERALS or word[-1] == "着":
            continue  # 一步一步 (not 进一步进一步); 读着读着: a verb going on
        if ctx.in_noise(start, end) or _excepted(text, start, end, exceptions):
            continue
        yield ctx.finding("repetition", "doubled_word", "error",
                          f"词语“{word}”重复，多了一个“{word}”", start, end,
                          suggestion=word, fixable=True)


def _doubled_words(text: str) -> list[tuple[int, int]]:
    """Spans of Chinese words of 2 to 4 characters written twice in a row ("开展开展"), as
    `_WORD.finditer` finds them (leftmost first, the longest word at each start).

    A regex backreference test at every position is slow; instead each character's low byte (of
    its UTF-16 code), the bytes read as one big integer, is XORed with itself shifted by k
    characters: a doubled word of k characters is a run of k zero bytes, found with bytes.find.
    Different characters can share a low byte, so each run is then checked on the text itself."""
    raw = text.encode("utf-16-le")
    if len(raw) != 2 * len(text):  # characters outside the BMP: offsets would not line up
        return [m.span() for m in _WORD.finditer(text)]
    low = raw[::2]
    whole = int.from_bytes(low, "little")
    found: dict[int, int] = {}  # start -> longest k
    for k in (2, 3, 4):
        diff = (whole ^ (whole >> (8 * k))).to_bytes(len(low), "little")
        zeros, last = b"\0" * k, len(text) - 2 * k  # beyond `last` the shifted-in zeros compare
        i = diff.find(zeros, 0, last + k)
        while i != -1:
            if text[i : i + k] == text[i + k : i + 2 * k] and all("\u4e00" <= ch <= "\u9fff" for ch in text[i : i + k]):
                found[i] = k
            i = diff.find(zeros, i + 1, last + k)
    out, pos = [], 0
    for i in sorted(found):
        if i >= pos:
            pos = i + 2 * found[i]
            out.append((i, pos))
    return out


@rule(family="repetition", name="doubled_char", source="字词重复（观察所得）", authority="convention")
def doubled_char(ctx: CheckContext) -> Iterator[Finding]:
    _w, pattern, chars, exceptions = _data()
    enumerations = sorted((m for p in _ENUM for m in p.finditer(ctx.text)), key=_START)  # never overlapping
    for m in enumerations:
        if not ctx.in_noise(m.start(), m.end()):
            yield ctx.finding("repetition", "doubled_char", "error",
                              f"列举词后“{m.group(0)[0]}”重复", m.start() - 1, m.end(),
                              suggestion=ctx.text[m.start() - 1] + m.group(0)[0], fixable=True)
    for m in pattern.finditer(ctx.text):
        s, e = m.start(), m.end()
        if s > 0 and ctx.text[s - 1] in "一二三四五六七八九十" and m.group(0) in ("是是", "要要"):
            continue  # reported above
        if ctx.in_noise(s, e) or _excepted(ctx.text, s, e, exceptions):
            continue
        ch = m.group(0)[0]
        yield ctx.finding("repetition", "doubled_char", "warning", f"{chars[ch]}，疑为多打", s, e,
                          suggestion=ch, fixable=True)


@rule(family="repetition", name="doubled_item", source="并列成分重复（观察所得）", authority="heuristic",
      max_severity="info")
def doubled_item(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.text
    for candidate in _LISTED_HINT.finditer(text):
        m = _first_listed(text, candidate.start())
        if m is None or ctx.in_noise(m.start(), m.end()):
            continue
        word = m.group(1)
        yield ctx.finding("repetition", "doubled_item", "info",
                          f"并列成分“{word}”重复出现（“{m.group(0)}”），疑为粘贴重复", m.start(), m.end())


def _first_listed(text: str, pos: int) -> re.Match[str] | None:
    """A doubled item "A、A" whose 、 is at `pos` (A is 2 to 6 characters)."""
    after = text[pos + 1 : pos + 3]
    for k in range(6, 1, -1):
        if pos - k < 0 or text[pos - k : pos - k + 2] != after:  # A、A starts both items alike
            continue
        m = _LISTED.match(text, pos - k, pos + k + 2)
        if m is not None and m.end() - m.start() == 2 * k + 1:
            return m
    return None
