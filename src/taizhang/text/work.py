"""The mutable state one document passes through the stages with.

`clean` is the analysis text: `source` minus removed stretches, traditional
characters converted to simplified one for one. `clean_raw` has the same length
as `clean` but keeps the characters as written (activity phrases are copied
from it). Kept stretches are recorded as segments so every clean offset maps
back to `source`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from taizhang.text.model import Indicator, Meta, NumberingAnomaly, OutlineNode, Removal


@dataclass
class Work:
    path: str
    format: str
    source: str
    clean: str = ""
    clean_raw: str = ""
    seg_clean: list[int] = field(default_factory=list)  # clean start of each kept segment
    seg_src: list[int] = field(default_factory=list)  # source start of the same segment
    removed: list[Removal] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    outline: list[OutlineNode] = field(default_factory=list)
    anomalies: list[NumberingAnomaly] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    # stretches inside a problems section that are plans (SectionStage: "存在的问题和下一步打算")
    plan_spans: list[tuple[int, int]] = field(default_factory=list)

    def set_identity(self) -> None:
        """No cleaning: the clean text is the source text."""
        self.clean = self.clean_raw = self.source
        self.seg_clean, self.seg_src = [0], [0]

    def to_src(self, i: int) -> int:
        """Source offset of clean offset `i` (a start position)."""
        seg_clean = self.seg_clean
        if len(seg_clean) <= 1:  # nothing removed inside the text: no bisect
            return i if not seg_clean or i < seg_clean[0] else self.seg_src[0] + (i - seg_clean[0])
        k = bisect_right(seg_clean, i) - 1
        if k < 0:
            return i
        return self.seg_src[k] + (i - self.seg_clean[k])

    def offset_mapper(self):
        """A function mapping a clean offset (a start position) to its source
        offset, like `to_src` but with the segment lists bound once (for loops)."""
        seg_clean, seg_src = self.seg_clean, self.seg_src
        if len(seg_clean) <= 1:
            shift = seg_src[0] - seg_clean[0] if seg_clean else 0
            first = seg_clean[0] if seg_clean else 0
            if shift == 0:
                return _identity
            return lambda i: i + shift if i >= first else i

        def to_src(i: int) -> int:
            k = bisect_right(seg_clean, i) - 1
            return i if k < 0 else seg_src[k] + (i - seg_clean[k])

        return to_src

    def span_to_src(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the clean span [start, end)."""
        if end <= start:
            s = self.to_src(start)
            return s, s
        return self.to_src(start), self.to_src(end - 1) + 1


def _identity(i: int) -> int:
    return i
