"""The outline's inline-enumeration finder (literal-led scans, for speed) finds
exactly what the single reference regex INLINE_ANY_RE finds at clause boundaries."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.text.markers import INLINE_ANY_RE, INLINE_BOUNDARY, find_inline, inline_number_text

ALPHABET = "一二三四五十两第首其再最先次者后是要否求指，,、：:。；！ \n\u3000甲乙"


def _reference(text: str) -> list[tuple[int, int, str, str, str]]:
    out = []
    for m in INLINE_ANY_RE.finditer(text):
        s = m.start()
        if s == 0 or text[s - 1] in INLINE_BOUNDARY:
            style, num = inline_number_text(m)
            out.append((s, m.end(), style, m.group(), num))
    return out


def test_examples():
    text = "一是学习，二是宣传；三要落实。第一，统一思想；首先，其次，十一是"
    found = find_inline(text)
    assert [f[3] for f in found] == ["一是", "二是", "三要", "第一，", "首先，", "其次，", "十一是"]
    assert found == _reference(text)
    assert find_inline("统一是") == []  # not at a clause boundary


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_same_as_reference_regex(text):
    assert find_inline(text) == _reference(text)
