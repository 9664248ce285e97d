"""Where a figure stands: its sentence (and the year the sentence opens with), a document name in
《》 around it, its measure word as the document writes it."""

from __future__ import annotations

import re
from bisect import bisect_right

from taizhang.text.stages.qizhong import SENTENCE_BOUNDARY


def as_written(text: str, raw: str, s: int, e: int, measure: str) -> str:
    """The measure word as the document writes it (場次 where the analysis text has 场次): each of
    its characters found from the end of the quantity backwards, taken from the raw text."""
    out, pos = [], e
    for ch in reversed(measure):
        pos = text.rfind(ch, s, pos)
        if pos == -1:
            return measure
        out.append(raw[pos])
    return "".join(reversed(out))


def inside_title(text: str, s: int) -> bool:
    """Whether offset s lies inside 《…》 (an opening mark since the last closing one, same line)."""
    lo = max(0, s - 40)
    opening = text.rfind("《", lo, s)
    return opening > max(text.rfind("》", lo, s), text.rfind("\n", lo, s))


def same_sentence(text: str, a: int, b: int) -> bool:
    """Whether no sentence ends between offsets a and b."""
    return not any(c in SENTENCE_BOUNDARY for c in text[a:b])


# a year: led by the literal 年 (the engine skips straight to it), the digits checked behind it
_YEAR_LED = re.compile(r"年(?<=(?:19|20)\d\d年)")


def sentence_openings(text: str) -> tuple[list[int], list[int]]:
    """(offsets, years) of the years that open a sentence ("2025年，街道共开展…"), in order."""
    offsets, years = [], []
    for m in _YEAR_LED.finditer(text):
        j = m.start() - 4
        while j > 0 and text[j - 1] in " \t\u3000":
            j -= 1
        if j == 0 or text[j - 1] in SENTENCE_BOUNDARY:
            offsets.append(j)
            years.append(int(text[m.start() - 4:m.start()]))
    return offsets, years


def sentence_year(text: str, s: int, openings: tuple[list[int], list[int]]) -> int | None:
    """The year the sentence holding offset s opens with, if any."""
    k = bisect_right(openings[0], s) - 1
    if k < 0 or s - openings[0][k] > 200 or not same_sentence(text, openings[0][k], s):
        return None
    return openings[1][k]
