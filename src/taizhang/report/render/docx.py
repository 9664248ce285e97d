"""Report → .docx laid out per GB/T 9704-2012.

Entry points: `build_document(report, style, comments=...)` returns a
python-docx `Document`; `render_docx(report, target, ...)` saves it to a path or
binary stream. With `comments=True` each figure carries a Word comment naming its
source (indicator, period, unit scope, records).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

import docx
from docx.text.run import Run

from taizhang.report.layout import em_width, split_title
from taizhang.report.model import (
    Cell,
    Figure,
    Paragraph,
    Pending,
    Report,
    Section,
    Table,
    cell_text,
    format_date,
)
from taizhang.report.render.docx_footer import install_page_numbers
from taizhang.report.render.docx_style import (
    ATTACHMENT,
    HEADINGS,
    TABLE_TEXT,
    TITLE,
    DocxStyle,
    apply_page_setup,
    heading_font,
    install_styles,
)
from taizhang.report.render.docx_xml import RunFormats, add_cell, add_row, add_text_run, make_p, make_table
from taizhang.report.walk import figure_source_note, iter_sections, validate


NO_FIRST_LINE = {"firstLineChars": 0, "firstLine": 0}  # Word lets an inherited firstLineChars win


def _sid(name: str) -> str:
    return name.replace(" ", "")


class _Writer:
    def __init__(self, report: Report, style: DocxStyle, comments: bool):
        self.report = report
        self.style = style
        self.comments = comments
        self.document = docx.Document()
        apply_page_setup(self.document, style)
        install_styles(self.document, style)
        self.formats = RunFormats(style)
        self._sect_pr = self.document.element.body.sectPr

    # -- plumbing -------------------------------------------------------------------------

    def _append(self, p):
        self._sect_pr.addprevious(p)
        return p

    def _body_rpr(self, size: float | None = None, *, highlight: str | None = None):
        return self.formats.rpr(self.style.body_font, size or self.style.body_size_pt, highlight=highlight)

    def _spans(self, p, spans, size: float | None = None) -> None:
        """Text, figures (with an optional comment) and 【待补】 placeholders into `p`."""
        for span in spans:
            if isinstance(span, Pending):
                hl = "yellow" if self.style.highlight_pending else None
                r = add_text_run(p, span.text, self._body_rpr(size, highlight=hl))
                if self.comments:
                    note = f"；{span.note}" if span.note else ""
                    self._add_comment(r, f"待补：台账中没有“{span.what}”的数据，请核实后填写{note}")
            elif isinstance(span, Figure):
                r = add_text_run(p, span.text, self._body_rpr(size))
                if self.comments:
                    self._comment(r, span)
            elif span.text:
                add_text_run(p, span.text, self._body_rpr(size))

    def _comment(self, r, figure: Figure) -> None:
        prov = self.report.resolve(figure)
        self._add_comment(r, f"数字“{figure.text}”（{figure.id}）{figure_source_note(prov)}")

    def _add_comment(self, r, text: str) -> None:
        self.document.add_comment(
            Run(r, None), text=text, author=self.style.comment_author, initials=self.style.comment_initials
        )

    # -- blocks ---------------------------------------------------------------------------

    def blank(self) -> None:
        self._append(make_p())

    def title(self, text: str) -> None:
        max_em = self.style.text_width_twips / (self.style.title_size_pt * 20)
        p = self._append(make_p(_sid(TITLE)))
        rpr = self.formats.rpr(self.style.title_font, self.style.title_size_pt, condense=False)
        add_text_run(p, "\n".join(split_title(text, int(max_em))), rpr)

    def paragraph(self, paragraph: Paragraph, lead: tuple[str, int] | None = None) -> None:
        """A body paragraph; `lead` = (heading text, level) for a run-in heading."""
        p = self._append(make_p())
        if lead:
            self._heading_run(p, *lead)
        self._spans(p, paragraph.spans)

    def _heading_run(self, p, text: str, level: int) -> None:
        bold = level == 3 and self.style.level3_bold
        rpr = self.formats.rpr(heading_font(self.style, level), self.style.body_size_pt, bold=bold)
        add_text_run(p, text, rpr)

    def section(self, section: Section, marker: str) -> None:
        heading = marker + section.title
        level = min(max(section.level, 1), 4)
        paragraphs = list(section.paragraphs)
        if section.run_in:
            self.paragraph(paragraphs.pop(0) if paragraphs else Paragraph(), lead=(heading, level))
        else:
            p = self._append(make_p(_sid(HEADINGS[level])))
            self._heading_run(p, heading, level)
        for para in paragraphs:
            self.paragraph(para)

    def attachment_note(self) -> None:
        titles = [t.title for t in self.report.appendices]
        if not titles:
            return
        self.blank()
        if len(titles) == 1:
            lines = [f"附件：{titles[0]}"]
        else:
            lines = [f"附件：1.{titles[0]}"] + [f"　　　{i}.{t}" for i, t in enumerate(titles[1:], 2)]
        for line in lines:
            add_text_run(self._append(make_p()), line, self._body_rpr())

    def signature(self) -> None:
        """No seal: one blank line, unit 2 characters from the right, date below it shifted 2 characters."""
        unit, day = self.report.signature_unit, self.report.date
        if not unit and not day:
            return
        self.blank()
        st = self.style
        full = st.char_twips + st.char_spacing  # one condensed full-width character
        width = st.text_width_twips

        def twips(s: str) -> int:
            return round(sum(full if w == 1 else full / 2 for w in map(em_width, s)))

        unit_start = width - 2 * st.char_twips - twips(unit)
        if unit:
            p = self._append(make_p(jc="right", ind={"right": 2 * st.char_twips, **NO_FIRST_LINE}))
            add_text_run(p, unit, self._body_rpr())
        if day:
            text = format_date(day)
            left = max(0, min(unit_start + 2 * st.char_twips, width - twips(text) - full // 2))
            p = self._append(make_p(jc="left", ind={"left": left, **NO_FIRST_LINE}))
            add_text_run(p, text, self._body_rpr())

    def appendix(self, number: int, table: Table) -> None:
        label = f"附件{number}" if len(self.report.appendices) > 1 else "附件"
        p = self._append(make_p(_sid(ATTACHMENT), page_break=True))
        add_text_run(p, label, self.formats.rpr(self.style.hei_font, self.style.body_size_pt))
        self.blank()
        self.title(table.title)
        self._table(table)
        if table.note:
            add_text_run(self._append(make_p()), table.note, self._body_rpr(self.style.table_size_pt))

    def _table(self, table: Table) -> None:
        n = max([len(table.header)] + [len(r) for r in table.rows])
        tbl, col = make_table(n, self.style.text_width_twips)
        head = add_row(tbl, header=True)
        size = self.style.table_size_pt
        for name in table.header + [""] * (n - len(table.header)):
            rpr = self.formats.rpr(self.style.hei_font, size, condense=False)
            add_text_run(add_cell(head, col, _sid(TABLE_TEXT)), name, rpr)
        for row in table.rows:
            tr = add_row(tbl)
            for cell in list(row) + [None] * (n - len(row)):
                self._cell(add_cell(tr, col, _sid(TABLE_TEXT)), cell)
        self._append(tbl)

    def _cell(self, p, cell: Cell) -> None:
        if isinstance(cell, (Figure, Pending)):
            self._spans(p, [cell], self.style.table_size_pt)
        else:
            add_text_run(p, cell_text(cell), self._body_rpr(self.style.table_size_pt))

    # -- whole report ---------------------------------------------------------------------

    def write(self):
        report = self.report
        self.title(report.title)
        self.blank()
        for para in report.opening:
            self.paragraph(para)
        for ref in iter_sections(report.sections):
            self.section(ref.section, ref.marker)
        for para in report.closing:
            self.paragraph(para)
        self.attachment_note()
        self.signature()
        for i, table in enumerate(report.appendices, 1):
            self.appendix(i, table)
        install_page_numbers(self.document, self.style, self.formats)
        core = self.document.core_properties
        core.title, core.author, core.language = report.title, report.signature_unit or report.unit, "zh-CN"
        return self.document


def build_document(report: Report, style: DocxStyle | None = None, *, comments: bool = False):
    """The report as a python-docx Document (validated first)."""
    validate(report)
    return _Writer(report, style or DocxStyle(), comments).write()


def render_docx(
    report: Report, target: str | Path | IO[bytes], style: DocxStyle | None = None, *, comments: bool = False
) -> None:
    """Save the report as .docx to a path or a binary stream."""
    build_document(report, style, comments=comments).save(target if not isinstance(target, Path) else str(target))
