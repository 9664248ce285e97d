"""Renderers of a `taizhang.report.model.Report`.

- `render_docx(report, target, style=None, *, comments=False)` — GB/T 9704-2012 .docx
- `render_markdown(report, *, footnotes=True)` / `render_html(report)` — previews
- `render_pdf(report, pdf_path, style=None, ...)` / `docx_to_pdf(...)` — via LibreOffice
- `write_provenance_xlsx(report, target)` / `provenance_json(report)` — 数据来源清单
"""

from taizhang.report.render.docx import build_document, render_docx
from taizhang.report.render.docx_style import DocxStyle
from taizhang.report.render.html import render_html
from taizhang.report.render.markdown import render_markdown
from taizhang.report.render.pdf import PdfError, PdfResult, docx_to_pdf, render_pdf
from taizhang.report.render.provenance import provenance_json, write_provenance_json, write_provenance_xlsx

__all__ = [
    "DocxStyle", "PdfError", "PdfResult", "build_document", "docx_to_pdf", "provenance_json", "render_docx",
    "render_html", "render_markdown", "render_pdf", "write_provenance_json", "write_provenance_xlsx",
]
