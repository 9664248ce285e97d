"""Layout through LibreOffice: one conversion per session (the `long_pdf` fixture)."""

import re
import subprocess

import pytest

from report_tools import need_tool
from taizhang.report.render import pdf as pdf_module
from taizhang.report.render.pdf import PdfError, docx_to_pdf
from taizhang.report.render.pdf_layout import MM

TEXT_BOTTOM = 297 - 35  # mm from the top of the page
TEXT_LEFT, TEXT_RIGHT = 28, 210 - 26
CHAR = 15.75 / 72 * 25.4  # a condensed 16 pt character, in mm
PAGE_NUMBER_CHAR = 14 / 72 * 25.4


def body(page):
    return page.above(TEXT_BOTTOM * MM + 2)


def footer(page):
    lines = page.below(TEXT_BOTTOM * MM + 2)
    assert len(lines) == 1, [ln.text for ln in lines]
    return lines[0]


def test_body_pages_have_22_lines_of_at_most_28_characters(long_pdf):
    _, pages = long_pdf
    assert len(pages) >= 4
    assert len(body(pages[0])) == 21  # the title line and the blank line under it take two of the 22
    for page in pages[1:-1]:
        assert len(body(page)) == 22, page.number
    for page in pages:
        widths = [ln.ems for ln in body(page)]
        assert max(widths) <= 28, (page.number, max(widths))
    assert max(ln.ems for ln in body(pages[1])) == 28  # 28 characters do fit a line
    for ln in body(pages[1]):
        assert ln.x0 >= (TEXT_LEFT - 0.5) * MM and ln.x1 <= (TEXT_RIGHT + 0.5) * MM


def test_title_is_one_centred_line(long_pdf):
    _, pages = long_pdf
    title = body(pages[0])[0]
    assert title.text == "示例乡2025年宣传思想文化工作总结"
    centre = (title.x0 + title.x1) / 2 / MM
    assert abs(centre - (TEXT_LEFT + TEXT_RIGHT) / 2) < 1.5
    assert (title.y1 - title.y0) / MM > 6.5  # 22 pt glyphs, taller than the 16 pt body
    assert 36 <= title.y0 / MM <= 41  # on the first grid line of the text block


def test_page_numbers_right_on_odd_left_on_even_pages(long_pdf):
    _, pages = long_pdf
    for page in pages:
        line = footer(page)
        assert re.fullmatch(rf"—\s*{page.number}\s*—", line.text), line.text
        assert TEXT_BOTTOM + 5 <= line.y0 / MM <= TEXT_BOTTOM + 10  # about 7 mm under the text block
        if page.number % 2:
            assert abs(line.x1 / MM - (TEXT_RIGHT - PAGE_NUMBER_CHAR)) < 1.5
        else:
            assert abs(line.x0 / MM - (TEXT_LEFT + PAGE_NUMBER_CHAR)) < 1.5


def test_em_dash_page_number_text(long_pdf):
    result, _ = long_pdf
    text = subprocess.run(["pdftotext", "-layout", str(result.path), "-"], capture_output=True, text=True).stdout
    assert re.search(r"—\s?1\s?—", text) and re.search(r"—\s?2\s?—", text)


def test_signature_two_characters_from_the_right_date_shifted_two(long_pdf):
    _, pages = long_pdf
    lines = body(pages[-1])
    unit = next(ln for ln in lines if ln.text == "中共示例乡委员会宣传办公室")
    date = lines[lines.index(unit) + 1]
    assert date.text == "2026年1月5日"
    assert abs(unit.x1 / MM - (TEXT_RIGHT - 2 * CHAR)) < 1.5
    assert abs((date.x0 - unit.x0) / MM - 2 * CHAR) < 1.5
    assert (date.y0 - unit.y0) / MM == pytest.approx(28.95 / 72 * 25.4, abs=0.5)


def test_substituted_fonts_are_reported(long_pdf):
    need_tool("fc-list", "fc-match")
    result, _ = long_pdf
    assert result.embedded and not any("DejaVu" in name for name in result.embedded), result.embedded
    installed = subprocess.run(["fc-list", ":family=仿宋_GB2312"], capture_output=True, text=True).stdout
    if not installed.strip():
        assert "仿宋_GB2312" in result.substitutions
        assert "仿宋_GB2312→" in result.note()


def test_missing_soffice_is_a_chinese_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    with pytest.raises(PdfError, match="LibreOffice"):
        docx_to_pdf(tmp_path / "x.docx")


def test_failed_conversion_is_a_chinese_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: "false")  # exits 1, writes nothing
    (tmp_path / "x.docx").write_bytes(b"")
    with pytest.raises(PdfError, match="未能把“x.docx”转换为 PDF"):
        docx_to_pdf(tmp_path / "x.docx")
