"""Render time of a large county report (~30k records): .docx (with and without comments),
数据来源清单 (.xlsx, .json), HTML and Markdown previews. PDF (LibreOffice) is excluded.

Bar: .docx plus the provenance list ≤ 1 s.  Run: .venv/bin/python bench/report_render.py [records]
"""

from __future__ import annotations

import io
import sys
import time

from taizhang.report.render import (
    provenance_json,
    render_docx,
    render_html,
    render_markdown,
    write_provenance_xlsx,
)
from taizhang.report.samples import county_report
from taizhang.report.walk import iter_figures


def timed(label: str, fn) -> float:
    best = min(_once(fn) for _ in range(3))
    print(f"{label:<28}{best * 1000:8.0f} ms")
    return best


def _once(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
    start = time.perf_counter()
    report = county_report(n)
    figures = list(iter_figures(report))
    records = sum(len(u.provenance.records) for u in figures if u.provenance)
    print(f"county report: {len(figures)} figures, {records} record references, "
          f"built in {(time.perf_counter() - start) * 1000:.0f} ms")
    docx_s = timed("docx", lambda: render_docx(report, io.BytesIO()))
    timed("docx + comments", lambda: render_docx(report, io.BytesIO(), comments=True))
    xlsx_s = timed("provenance xlsx", lambda: write_provenance_xlsx(report, io.BytesIO()))
    json_s = timed("provenance json", lambda: provenance_json(report))
    timed("html", lambda: render_html(report))
    timed("markdown", lambda: render_markdown(report))
    total = docx_s + xlsx_s + json_s
    print(f"{'docx + xlsx + json':<28}{total * 1000:8.0f} ms  ({'within' if total <= 1 else 'OVER'} the 1 s bar)")


if __name__ == "__main__":
    main()
