"""Report → Markdown preview; figures optionally footnoted with their source."""

from __future__ import annotations

from taizhang.report.model import Figure, Paragraph, Report, cell_text, format_date
from taizhang.report.walk import figure_source_note, iter_pending, iter_sections

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md_escape(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def _span(report: Report, span, notes: list[str] | None) -> str:
    if isinstance(span, Figure) and notes is not None:
        notes.append(f"[^{span.id}]: {md_escape(figure_source_note(report.resolve(span)))}")
        return f"{md_escape(span.text)}[^{span.id}]"
    return md_escape(cell_text(span) if not hasattr(span, "text") else span.text)


def _paragraph(report: Report, p: Paragraph, notes: list[str] | None, lead: str = "") -> str:
    out = [f"**{md_escape(lead)}**"] if lead else []
    out += [_span(report, span, notes) for span in p.spans]
    return "".join(out)


def _table(report: Report, table, notes: list[str] | None) -> list[str]:
    lines = [f"**{md_escape(table.title)}**", ""]
    lines.append("| " + " | ".join(md_escape(h) for h in table.header) + " |")
    lines.append("|" + "---|" * len(table.header))
    for row in table.rows:
        lines.append("| " + " | ".join(_span(report, c, notes) for c in row) + " |")
    if table.note:
        lines += ["", md_escape(table.note)]
    return lines + [""]


def render_markdown(report: Report, *, footnotes: bool = True) -> str:
    """Title as `#`, headings by level (`##`…`#####`), 【待补】 list at the end."""
    notes: list[str] | None = [] if footnotes else None
    lines = [f"# {md_escape(report.title)}", ""]
    lines += [_paragraph(report, p, notes) + "\n" for p in report.opening]
    for ref in iter_sections(report.sections):
        sec = ref.section
        heading = ref.marker + sec.title
        body = list(sec.paragraphs)
        if sec.run_in:
            lines.append(_paragraph(report, body.pop(0) if body else Paragraph(), notes, lead=heading) + "\n")
        else:
            lines += ["#" * (min(sec.level, 4) + 1) + " " + md_escape(heading), ""]
        lines += [_paragraph(report, p, notes) + "\n" for p in body]
    lines += [_paragraph(report, p, notes) + "\n" for p in report.closing]
    if report.signature_unit:
        lines.append(f"<div align=\"right\">{md_escape(report.signature_unit)}</div>\n")
    if report.date:
        lines.append(f"<div align=\"right\">{format_date(report.date)}</div>\n")
    for i, table in enumerate(report.appendices, 1):
        lines += [f"## 附件{i}", ""] + _table(report, table, notes)
    pending = list(iter_pending(report))
    if pending:
        lines += ["## 待补清单", ""] + [f"- {md_escape(p.text)}" + (f"（{md_escape(p.note)}）" if p.note else "")
                                         for p in pending] + [""]
    if notes:
        lines += notes + [""]
    return "\n".join(lines)
