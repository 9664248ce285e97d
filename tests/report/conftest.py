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
