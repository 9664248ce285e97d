"""生成总结 in a real browser: the demo county's report, a figure's records, the .docx download."""

from __future__ import annotations

from browser_tools import DEMO_YEAR, login
from docx import Document

COUNTY = "示例县"
REPORT_TIMEOUT_MS = 120_000  # the whole county: about 30 000 records on a shared 2-core machine


def test_county_report_preview_figure_records_and_docx(page, shots, tmp_path):
    login(page, "admin")
    page.goto("/report")
    page.get_by_label("单位").select_option(label=COUNTY)
    page.get_by_label("年度").select_option(str(DEMO_YEAR))
    shots("form")
    page.get_by_role("button", name="生成预览").click()
    figures = page.locator("span.figure[data-figure-id]")
    figures.first.wait_for(timeout=REPORT_TIMEOUT_MS)
    assert figures.count() > 10
    title = f"{COUNTY}{DEMO_YEAR}年宣传思想工作总结及{DEMO_YEAR + 1}年工作计划"
    assert title in "".join(page.locator("body").inner_text().split())
    shots("preview")

    figures.first.click()
    panel = page.locator("#figure-records")
    panel.locator("[data-record-id], tr, li").first.wait_for()
    assert panel.inner_text().strip(), "点击数字应显示构成它的台账记录"
    shots("figure-records")

    with page.expect_download(timeout=REPORT_TIMEOUT_MS) as info:
        page.get_by_role("link", name="下载 Word").click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    path = tmp_path / "report.docx"
    download.save_as(path)
    paragraphs = [p.text for p in Document(str(path)).paragraphs if p.text.strip()]
    # The title may be broken over two lines (GB/T 9704 title layout): compare without whitespace.
    assert paragraphs and "".join(paragraphs[0].split()) == title, paragraphs[:3]

    with page.expect_download(timeout=REPORT_TIMEOUT_MS) as info:
        page.get_by_role("link", name="下载数据来源清单").click()
    assert info.value.suggested_filename.endswith((".xlsx", ".json"))
    shots("downloaded")
