"""The reader's result, as typed dataclasses (the contract the checker, the
writer's read-back test and the CLI build on).

Every `start`/`end` indexes `Document.source_text`, the decoded text exactly as
loaded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Approx = Literal["more_than", "about", "at_least", "at_most"]
Kind = Literal["actual", "target"]
SectionClass = Literal["intro", "achievements", "problems", "plans", "other"]
DocType = Literal["总结", "计划", "总结及计划", "半年总结", "研判报告", "其他"]


@dataclass(frozen=True)
class Removal:
    """A stretch of scrape noise the cleaner dropped (paywall marker, ad, chrome...)."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Meta:
    title: str | None = None
    unit: str | None = None
    unit_level: str | None = None  # 乡 镇 街道 区 县 市 局 学校 医院 村 ...
    years: tuple[int, ...] = ()  # (summarised year, planned year) where given
    doc_type: DocType = "其他"
    title_start: int | None = None
    title_end: int | None = None


@dataclass
class OutlineNode:
    level: int  # 1 = 一、  2 = （一）  3 = 1.  4 = （1）; inline enumerations one deeper than their parent
    marker: str  # the marker exactly as written: "一、", "（二）", "3.", "一是", "第一，"
    title: str
    start: int
    end: int  # end of the node's whole span (heading plus body, up to the next sibling)
    section: SectionClass = "other"
    style: str = ""  # marker family: "一、", "（一）", "(一)", "1.", "1、", "（1）", "一是", "第一", "首先"
    number: int = 0  # the ordinal the marker states
    inline: bool = False  # an inline enumeration (一是… / 第一… / 首先…) rather than a heading line
    children: list[OutlineNode] = field(default_factory=list)


@dataclass(frozen=True)
class NumberingAnomaly:
    """Recorded for the checker, never "fixed" by the reader."""

    kind: Literal["repeated", "skipped", "out_of_order", "mixed_style", "missing_enumeration"]
    level: int
    marker: str
    start: int
    end: int
    detail: str = ""  # Chinese explanation, e.g. "“四、”重复出现"


@dataclass(frozen=True)
class Indicator:
    value: int | float | None
    masked: bool
    approx: Approx | None
    measure: str
    kind: Kind
    activity: str
    activity_type: str | None  # taxonomy code when the activity phrase maps to one
    section: SectionClass
    start: int  # quantity text: number plus measure word, e.g. "100余场次"
    end: int
    parent: int | None = None  # index of the total a 其中 figure belongs to
    qty: str = ""  # the literal quantity text (source_text[start:end])


@dataclass
class Document:
    path: str
    format: str  # txt docx doc html pdf
    source_text: str
    clean_text: str
    removed: list[Removal] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    outline: list[OutlineNode] = field(default_factory=list)
    anomalies: list[NumberingAnomaly] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
