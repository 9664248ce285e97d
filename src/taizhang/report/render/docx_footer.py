"""Page numbers "— N —": 4号 宋体, odd pages right one character in, even pages left."""

from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn

from taizhang.report.render.docx_style import PAGE_NUMBER, DocxStyle
from taizhang.report.render.docx_xml import RunFormats, add_field, add_text_run, make_p

EM_DASH = "\u2014"


def _page_number_paragraph(style: DocxStyle, formats: RunFormats, *, odd: bool):
    indent = round(style.page_number_size_pt * 20)  # one 4号 character
    ind = {"right": indent} if odd else {"left": indent}
    p = make_p(PAGE_NUMBER.replace(" ", ""), jc="right" if odd else "left", ind=ind)
    font = style.page_number_font
    rpr = formats.rpr(font, style.page_number_size_pt, condense=False)
    for attr in ("ascii", "hAnsi", "cs"):  # 半角宋体阿拉伯数字, whatever latin_font says
        rpr.find(qn("w:rFonts")).set(qn(f"w:{attr}"), font)
    add_text_run(p, f"{EM_DASH} ", deepcopy(rpr))
    add_field(p, "PAGE", "1", rpr)
    add_text_run(p, f" {EM_DASH}", deepcopy(rpr))
    return p


def _fill(footer, paragraph) -> None:
    footer.is_linked_to_previous = False
    el = footer._element
    for old in list(el):
        el.remove(old)
    el.append(paragraph)


def install_page_numbers(document, style: DocxStyle, formats: RunFormats) -> None:
    """Odd (default) and even footers on every section; settings get evenAndOddHeaders."""
    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        _fill(section.footer, _page_number_paragraph(style, formats, odd=True))
        _fill(section.even_page_footer, _page_number_paragraph(style, formats, odd=False))
