"""Walking a `Report`: sections with resolved markers, paragraphs, figures with their
sentence (for the 数据来源清单), 【待补】 placeholders, and validation. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from taizhang.errors import ValidationError
from taizhang.report.model import (
    Figure,
    Paragraph,
    Pending,
    Provenance,
    Report,
    Section,
    Table,
    cell_text,
    heading_marker,
)

@dataclass(frozen=True, slots=True)
class SectionRef:
    section: Section
    marker: str
    path: tuple[str, ...]  # markers from the top: ("一、", "（二）")
    depth: int


def iter_sections(sections: Iterable[Section], path: tuple[str, ...] = ()) -> Iterator[SectionRef]:
    """Depth-first, with each section's marker resolved."""
    for i, section in enumerate(sections, 1):
        marker = heading_marker(section, i)
        here = path + (marker,)
        yield SectionRef(section, marker, here, len(here))
        yield from iter_sections(section.children, here)


def iter_paragraphs(report: Report) -> Iterator[tuple[str, Paragraph]]:
    """(where, paragraph) in reading order; `where` is "开头", "一、（二）" or "结尾"."""
    for p in report.opening:
        yield "开头", p
    for ref in iter_sections(report.sections):
        for p in ref.section.paragraphs:
            yield "".join(ref.path), p
    for p in report.closing:
        yield "结尾", p


_STOPS = "。！？"
_CLAUSE_STOPS = "；"
MAX_SENTENCE = 120


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` holding [start, end); a long one narrowed to its clause."""
    left = max((text.rfind(c, 0, start) for c in _STOPS), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in _STOPS) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    if right - left > MAX_SENTENCE:
        cl = max((text.rfind(c, left, start) for c in _CLAUSE_STOPS), default=-1)
        left = max(left, cl + 1)
        cr = [i for i in (text.find(c, end, right) for c in _CLAUSE_STOPS) if i >= 0]
        right = min(cr) + 1 if cr else right
    return text[left:right].strip()


@dataclass(frozen=True, slots=True)
class FigureUse:
    """A figure where it stands: numbered in reading order, with its sentence."""

    number: int
    figure: Figure
    sentence: str
    where: str
    provenance: Provenance | None


def _paragraph_figures(paragraph: Paragraph) -> Iterator[tuple[Figure, str]]:
    text = paragraph.text
    pos = 0
    for span in paragraph.spans:
        n = len(span.text)
        if isinstance(span, Figure):
            yield span, sentence_around(text, pos, pos + n)
        pos += n


def _table_figures(table: Table) -> Iterator[tuple[Figure, str]]:
    for r, row in enumerate(table.rows, 1):
        for c, cell in enumerate(row):
            if isinstance(cell, Figure):
                col = table.header[c] if c < len(table.header) else str(c + 1)
                first = cell_text(row[0]) if row else ""
                yield cell, f"附表“{table.title}”第{r}行（{first}）“{col}”列"


def iter_figures(report: Report) -> Iterator[FigureUse]:
    """Every figure in reading order (text, then appendix tables), numbered from 1."""

    def raw() -> Iterator[tuple[Figure, str, str]]:
        for where, p in iter_paragraphs(report):
            for fig, sentence in _paragraph_figures(p):
                yield fig, sentence, where
        for i, table in enumerate(report.appendices, 1):
            for fig, sentence in _table_figures(table):
                yield fig, sentence, f"附件{i}"

    for n, (fig, sentence, where) in enumerate(raw(), 1):
        yield FigureUse(n, fig, sentence, where, report.resolve(fig))


def iter_pending(report: Report) -> Iterator[Pending]:
    """Inline placeholders in reading order, then the report's own gap list."""
    for _, p in iter_paragraphs(report):
        yield from (s for s in p.spans if isinstance(s, Pending))
    for table in report.appendices:
        yield from (c for row in table.rows for c in row if isinstance(c, Pending))
    yield from report.pending


def figure_source_note(prov: Provenance | None) -> str:
    """One line naming a figure's source, for Word comments and previews."""
    if prov is None:
        return "来源：未标注"
    return (
        f"来源：指标“{prov.indicator_label()}”；期间{prov.period.label()}；"
        f"单位范围：{prov.scope()}；台账记录{prov.records_label()}"
    )


def validate(report: Report) -> None:
    """Raise ValidationError for unique-id, unresolved-source and level mistakes."""
    seen: set[str] = set()
    for use in iter_figures(report):  # resolves every source
        if use.figure.id in seen:
            raise ValidationError(f"数字编号“{use.figure.id}”重复", field="figure.id")
        seen.add(use.figure.id)
    for ref in iter_sections(report.sections):
        if not 1 <= ref.section.level <= 4:
            raise ValidationError(f"标题“{ref.section.title}”的层级{ref.section.level}超出1至4", field="level")
