"""生成总结 page: preview with clickable figures → records panel; .docx, 数据来源清单, .pdf downloads."""

from __future__ import annotations

import io
import json
import re

import docx
import openpyxl
import pytest

from taizhang.report.render.pdf import find_soffice


def test_preview_figures_open_their_records(shared_site, built):
    client = shared_site.client("town_reader")
    form = client.get("/report").text
    assert 'for="r-unit">单位' in form and 'for="r-year">年度' in form and "生成预览" in form
    page = client.get(f"/report?unit={built.units['城关镇']}&year=2025").text
    assert "城关镇2025年宣传思想工作总结" in page
    ids = re.findall(r'<span class="figure" data-figure-id="([^"]+)"', page)
    assert ids and 'id="figure-records"' in page
    assert "<script>" not in page  # the standalone preview's own script stays out
    for link in ("下载 Word", "下载数据来源清单"):
        assert link in page
    assert ("下载 PDF" in page) == (find_soffice() is not None)
    panels = [client.get(f"/report/figure?unit={built.units['城关镇']}&year=2025&figure={i}",
                         headers={"HX-Request": "true"}) for i in ids]
    assert all(p.status_code == 200 for p in panels)
    lecture_panel = next(p.text for p in panels if "理论宣讲" in p.text and "data-record-id" in p.text)
    shown = set(map(int, re.findall(r'data-record-id="(\d+)"', lecture_panel)))
    assert shown == {built.records[n] for n in ("城关镇", "红峰村", "荷田村")}
    missing = client.get(f"/report/figure?unit={built.units['城关镇']}&year=2025&figure=nope")
    assert missing.status_code == 404


def test_docx_and_sources_downloads(shared_site, built):
    client = shared_site.client("town_reader")
    query = f"unit={built.units['红峰村']}&year=2025"
    word = client.get(f"/report/docx?{query}")
    assert word.headers["content-disposition"].startswith("attachment")
    text = "".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "红峰村2025年宣传思想工作总结" in text.replace("\n", "")
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"/report/sources.xlsx?{query}").content))
    assert "数据来源清单" in sheet.sheetnames and sheet["数据来源清单"].max_row > 1
    data = json.loads(client.get(f"/report/sources.json?{query}").content)
    assert data["figures"] and any(str(built.records["红峰村"]) in json.dumps(s) for s in data["sources"].values())


@pytest.mark.slow
def test_pdf_download_when_libreoffice_is_present(shared_site, built):
    client = shared_site.client("town_reader")
    response = client.get(f"/report/pdf?unit={built.units['红峰村']}&year=2025")
    if find_soffice() is None:
        assert response.status_code == 404 and "LibreOffice" in response.text
        return
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
