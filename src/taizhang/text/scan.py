"""A cheaper scan for regexes that start with one of a few characters.

What a scan costs in Python 3.11, per character of Chinese text (valgrind):
a regex led by a literal character skips to it at about 5 instructions; one
led by a character class or an alternation ("[（(]…", "（|【") tests every
character against the set, about 55; str.find skips to one character at
memchr speed, well under one. So a class-led regex whose matches can only
start at a few characters is tried just at their places, found with str.find
(each place found costs a few thousand instructions of Python: worth it for
characters that are not everywhere in the text).

Three ways to use that: `per_char` writes a pattern once per leading character
and `finditer_per_char` scans for the ones that occur; `FirstCharScan` works
out a class-led regex's first characters itself; `ProbedScan` probes an
alternation of words by their first characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import methodcaller

_START = methodcaller("start")

MAX_FIRST_CHARS = 6  # beyond this many str.find scans, the regex's own scan is as cheap


def places(text: str, sub: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of every `sub` in text[start:end] (overlapping ones too)."""
    if end is None:
        end = len(text)
    out, find = [], text.find
    p = find(sub, start, end)
    while p != -1:
        out.append(p)
        p = find(sub, p + 1, end)
    return out


def per_char(chars: str, pattern: Callable[[str], str], flags: int = 0) -> dict[str, re.Pattern[str]]:
    """{c: the compiled pattern(re.escape(c))} for each of `chars`; each pattern must start with it."""
    return {c: re.compile(pattern(re.escape(c)), flags) for c in chars}


def finditer_per_char(text: str, patterns: dict[str, re.Pattern[str]]) -> list[re.Match[str]]:
    """The matches of the `per_char` patterns whose character occurs in `text`, ordered by start
    (found with `in`, at memory speed). Each pattern's matches do not overlap one another;
    matches of different patterns may."""
    found = [m for c, pattern in patterns.items() if c in text for m in pattern.finditer(text)]
    found.sort(key=_START)
    return found


def class_led_first_chars(rx: re.Pattern[str]) -> str | None:
    """The few characters every match of a class-led `rx` starts with, as the
    regex compiler works them out for its own search (its character-set
    prefix); None when `rx` starts with a literal (its own scan is fast), has
    no such set, has too many, or when the compiler's private helpers are not
    there in this Python."""
    if rx.flags & (re.IGNORECASE | re.LOCALE) or not isinstance(rx.pattern, str):
        return None
    try:
        from re import _compiler, _constants, _parser

        tree = _parser.parse(rx.pattern, rx.flags)
        if tree.getwidth()[0] == 0:  # an empty match can happen anywhere
            return None
        if _compiler._get_literal_prefix(tree, rx.flags)[0]:
            return None
        chars = []
        for op, arg in _compiler._get_charset_prefix(tree, rx.flags) or ():
            if op is _constants.LITERAL:
                chars.append(chr(arg))
            elif op is _constants.RANGE and arg[1] - arg[0] < MAX_FIRST_CHARS:
                chars.extend(map(chr, range(arg[0], arg[1] + 1)))
            else:  # a negated set, a category (\d, \s) or a wide range
                return None
    except Exception:  # noqa: BLE001 -- private helpers changed: the regex scans by itself
        return None
    chars = "".join(dict.fromkeys(chars))
    return chars if 0 < len(chars) <= MAX_FIRST_CHARS else None


class FirstCharScan:
    """`regex` plus the characters its matches start with (when it is
    class-led and they are few); `finditer` gives what regex.finditer gives."""

    __slots__ = ("regex", "firsts")

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        self.firsts = class_led_first_chars(regex)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        end = len(text) if endpos is None else min(endpos, len(text))
        if self.firsts is None:
            return list(self.regex.finditer(text, pos, end))
        starts = sorted(p for ch in self.firsts for p in places(text, ch, pos, end))
        out: list[re.Match[str]] = []
        match, resume = self.regex.match, pos  # matches do not overlap: the next one starts at or after `resume`
        for p in starts:
            if p >= resume:
                m = match(text, p, end)
                if m:
                    out.append(m)
                    resume = m.end()  # never empty: a first character is required
        return out


class ProbedScan:
    """`regex.finditer` for a regex led by an alternation with several first
    characters ("党委|政府|委员会"), run as one literal-led probe per first
    character ("党(?:委|组…)", "政府", "委员会"): each probe skips to its literal
    fast; `regex` is then tried only where a probe matched. Every match of
    `regex` must start where some probe matches."""

    __slots__ = ("regex", "probes")

    def __init__(self, regex: re.Pattern[str], probes: list[re.Pattern[str]]):
        self.regex = regex
        self.probes = probes

    @classmethod
    def of_words(cls, words, suffix: str = "") -> ProbedScan:
        """The scan for "(?:word|word…)" + suffix (a regex), the words in the order given."""
        by_first: dict[str, list[str]] = {}
        for w in words:
            by_first.setdefault(w[:1], []).append(w)
        regex = re.compile("(?:" + "|".join(map(re.escape, words)) + ")" + suffix)
        probes = [re.compile(re.escape(first) + "(?:" + "|".join(re.escape(w[1:]) for w in group) + ")" + suffix)
                  for first, group in by_first.items()]
        return cls(regex, probes)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        end = len(text) if endpos is None else min(endpos, len(text))
        starts = set()
        for probe in self.probes:  # every place a probe matches (the search resumes one past each)
            m = probe.search(text, pos, end)
            while m:
                starts.add(m.start())
                m = probe.search(text, m.start() + 1, end)
        out: list[re.Match[str]] = []
        match, resume = self.regex.match, pos
        for p in sorted(starts):
            if p >= resume:
                m = match(text, p, end)
                if m:
                    out.append(m)
                    resume = max(m.end(), p + 1)  # (an empty match: the next one starts further on)
        return out
