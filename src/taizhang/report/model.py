"""The writer's report model: pure dataclasses, no I/O.

A `Report` is what the builder (ledger → report) produces and what every
renderer (docx, markdown, html, provenance lists) consumes. Text is a list of
sections; each paragraph is a sequence of spans:

* `Text`    — plain words;
* `Figure`  — a number taken from the ledger, with its display text ("182期")
              and where it came from (`Provenance`, inline or by key into
              `Report.provenance`);
* `Pending` — a value the ledger lacks, rendered as 【待补：…】, never invented.

Containers (`Report`, `Section`, `Paragraph`, `Table`) are mutable so a builder
can append as it walks the ledger; leaves are frozen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Union

from taizhang.errors import ValidationError

Approx = Literal["more_than", "about", "at_least", "at_most"]  # same values as the reader's
FigureKind = Literal["actual", "target"]


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date

    def label(self) -> str:
        """"2025年1月1日至2025年12月31日"."""
        return f"{format_date(self.start)}至{format_date(self.end)}"


@dataclass(frozen=True, slots=True)
class RecordRef:
    """One ledger record a figure counts; `title` is shown as given."""

    id: str | int
    title: str = ""

    def label(self) -> str:
        return f"{self.id} {self.title}".strip()


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a figure comes from: indicator, period, unit subtree, records."""

    indicator: str  # indicator id/code in the ledger
    period: Period
    indicator_name: str = ""  # Chinese name, e.g. "新闻宣传稿件刊发数"
    unit_ids: tuple[str | int, ...] = ()  # the unit and its subtree
    unit_names: tuple[str, ...] = ()
    scope_label: str = ""  # e.g. "示例县（含12个乡镇）"; shown instead of the names when set
    records: tuple[RecordRef, ...] = ()
    record_count: int | None = None  # when `records` is a sample of a larger set
    method: str = ""  # e.g. "求和" / "计数" / "目标值"

    @property
    def count(self) -> int:
        return self.record_count if self.record_count is not None else len(self.records)

    def indicator_label(self) -> str:
        return self.indicator_name or self.indicator

    def scope(self, max_names: int = 5) -> str:
        if self.scope_label:
            return self.scope_label
        names = [str(n) for n in (self.unit_names or self.unit_ids)]
        if len(names) <= max_names:
            return "、".join(names)
        return "、".join(names[:max_names]) + f"等{len(names)}个单位"

    def records_label(self, max_records: int = 3) -> str:
        """"共182条：R1 标题；R2 标题；R3 标题等"."""
        if not self.count:
            return "无台账记录"
        shown = "；".join(r.label() for r in self.records[:max_records])
        more = "等" if self.count > min(len(self.records), max_records) else ""
        return f"共{self.count}条：{shown}{more}" if shown else f"共{self.count}条"


class ProvenanceTable(dict[str, Provenance]):
    """Provenance shared by key, so many figures can point at one source."""

    def resolve(self, source: Provenance | str | None) -> Provenance | None:
        if source is None or isinstance(source, Provenance):
            return source
        return self[source]


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A number from the ledger as it appears in the text ("182期", "100余次")."""

    id: str
    value: int | float | None
    measure: str
    text: str
    approx: Approx | None = None
    kind: FigureKind = "actual"
    source: Provenance | str | None = None  # inline, or a key into Report.provenance

    @classmethod
    def of(cls, id: str, value: int | float, measure: str, source: Provenance | str | None = None, *,
           approx: Approx | None = None, kind: FigureKind = "actual") -> Figure:
        """A figure whose display text is made by `display_text`."""
        return cls(id, value, measure, display_text(value, measure, approx), approx, kind, source)


@dataclass(frozen=True, slots=True)
class Pending:
    """A value the ledger lacks; rendered 【待补：what】 so a person fills it in."""

    what: str
    id: str = ""
    indicator: str = ""
    note: str = ""

    @property
    def text(self) -> str:
        return f"【待补：{self.what}】"


Span = Union[Text, Figure, Pending]
Cell = Union[str, int, float, Figure, Pending, None]


def _spans(items: Iterable[Span | str]) -> list[Span]:
    return [Text(s) if isinstance(s, str) else s for s in items]


@dataclass
class Paragraph:
    spans: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.spans = _spans(self.spans)

    @classmethod
    def of(cls, *items: Span | str) -> Paragraph:
        """`Paragraph.of("共开展", fig, "次学习。")`: strings become `Text`."""
        return cls(list(items))

    def add(self, *items: Span | str) -> Paragraph:
        self.spans.extend(_spans(items))
        return self

    @property
    def text(self) -> str:
        return "".join(span_text(s) for s in self.spans)


@dataclass
class Section:
    """A heading and its body. `level` 1 一、 · 2 （一） · 3 1. · 4 （1）.

    `marker` empty → numbered by position (see `heading_marker`). `run_in` puts
    the heading at the start of the first paragraph, as in "（一）强化组织领导。我局…".
    """

    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    level: int = 1
    marker: str = ""
    run_in: bool = False


Subsection = Section


@dataclass
class Table:
    """A table for an appendix (附件), e.g. the county's per-township figures."""

    title: str
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""


@dataclass
class Report:
    title: str
    unit: str  # the unit the report is about/for
    year: int
    opening: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    signature_unit: str = ""
    date: date | None = None
    appendices: list[Table] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)  # gaps not placed in the text
    provenance: ProvenanceTable = field(default_factory=ProvenanceTable)  # a plain dict is accepted too

    def __post_init__(self) -> None:
        if not isinstance(self.provenance, ProvenanceTable):
            self.provenance = ProvenanceTable(self.provenance)

    def resolve(self, figure: Figure) -> Provenance | None:
        """The figure's Provenance (inline or by key); ValidationError for an unknown key."""
        try:
            return self.provenance.resolve(figure.source)
        except KeyError:
            raise ValidationError(
                f"数字“{figure.text}”（{figure.id}）的来源“{figure.source}”不在来源表中", field="source"
            ) from None


# ---- text helpers -------------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1..99 as used in heading markers: 一 … 十 十一 … 二十 … 九十九."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")


def marker_for(level: int, n: int) -> str:
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"level {level}")


def heading_marker(section: Section, position: int) -> str:
    """The section's marker; `position` is its 1-based place among its siblings."""
    return section.marker or marker_for(section.level, position)


def format_number(value: int | float) -> str:
    """182 → "182"; 12.50 → "12.5"; 3.0 → "3"."""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


_APPROX_FORMS = {None: "{v}{m}", "more_than": "{v}余{m}", "about": "约{v}{m}", "at_least": "不少于{v}{m}",
                 "at_most": "不超过{v}{m}"}


def display_text(value: int | float, measure: str, approx: Approx | None = None) -> str:
    """How a figure reads in the text: "182期", "100余次", "约3000人次", "不少于10场"."""
    return _APPROX_FORMS[approx].format(v=format_number(value), m=measure)


def format_date(d: date) -> str:
    """GB/T 9704 dates: Arabic digits, full year, no leading zeros — "2026年1月5日"."""
    return f"{d.year}年{d.month}月{d.day}日"


def span_text(span: Span) -> str:
    return span.text


def cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, (Figure, Pending)):
        return cell.text
    return str(cell)
