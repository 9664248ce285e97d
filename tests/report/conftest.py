"""Fixtures for the writer's tests: sample reports and files rendered once per session."""

from __future__ import annotations

import docx
import pytest

from report_tools import need_tool
from taizhang.report.render import DocxStyle, render_docx
from taizhang.report.samples import long_report, township_report


@pytest.fixture
def township():
    return township_report()


@pytest.fixture(scope="session")
def docx_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "township.docx"
    render_docx(township_report(), path, comments=True)
    return path


@pytest.fixture(scope="session")
def document(docx_path):
    return docx.Document(str(docx_path))


@pytest.fixture(scope="session")
def windows_document(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "windows.docx"
    render_docx(township_report(), path, DocxStyle.windows())
    return docx.Document(str(path))


@pytest.fixture(scope="session")
def long_pdf(tmp_path_factory):
    """The long report converted by LibreOffice once per session: (PdfResult, pages)."""
    need_tool("soffice", "pdftotext", "pdffonts")
    from taizhang.report.render import render_pdf
    from taizhang.report.render.pdf_layout import read_pdf_lines

    result = render_pdf(long_report(), tmp_path_factory.mktemp("pdf") / "long.pdf")
    return result, read_pdf_lines(result.path)


@pytest.fixture(scope="session")
def demo_ledger(tmp_path_factory):
    """示例县 from the demo generator (≈30k records a year), built once per session."""
    from taizhang.ledger import Ledger
    from taizhang.ledger.demo import generate

    ledger = Ledger.open(str(tmp_path_factory.mktemp("demo") / "demo.db"))
    ledger.migrate()
    generate(ledger, year=2025)
    yield ledger
    ledger.close()


@pytest.fixture(scope="session")
def demo_reports(demo_ledger, tmp_path_factory):
    """unit → (Report, .docx path) for a township and the county, rendered once."""
    from taizhang.report.build import build_report

    out = tmp_path_factory.mktemp("built")
    reports = {}
    for unit in ("青山镇", "示例县"):
        rep = build_report(demo_ledger, unit, 2025)
        path = out / f"{unit}.docx"
        render_docx(rep, path, comments=True)
        reports[unit] = (rep, path)
    return reports
