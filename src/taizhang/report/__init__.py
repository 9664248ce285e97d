"""The writer: a pure report model and its renderers.

- `build`   — build_report(ledger, unit, year, ReportOptions) → Report (ledger → model; data/templates.yaml).
- `model`   — dataclasses: Report, Section, Paragraph, Text / Figure / Pending spans, Table,
              Provenance (+ ProvenanceTable, Period, RecordRef); marker and date helpers.
- `walk`    — iter_sections, iter_paragraphs, iter_figures (with sentence), iter_pending, validate.
- `sources` — the 数据来源清单 as rows/JSON-ready data.
- `layout`  — em widths and title line breaking.
- `render`  — docx (GB/T 9704-2012), markdown, html, pdf (LibreOffice), provenance xlsx/json.
- `samples` — sample reports for tests, benchmarks and demos.
"""
