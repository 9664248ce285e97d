"""GB/T 9704-2012 page and style setup for python-docx documents.

Everything configurable sits in the frozen `DocxStyle`; `apply_page_setup` and
`install_styles` turn it into sectPr, settings and styles.xml. The numbers come
from /work/shared/gbt9704.md (exact 579-twip lines on a line grid → 22 lines;
runs condensed 0.25 pt → 28 characters of 16 pt in the 156 mm text block).
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@dataclass(frozen=True)
class DocxStyle:
    """Fonts, sizes and measures of the rendered document (defaults: GB/T 9704-2012)."""

    body_font: str = "仿宋_GB2312"  # body, 1. and （1） headings
    kai_font: str = "楷体_GB2312"  # （一） headings
    hei_font: str = "黑体"  # 一、 headings, 附件 label
    title_font: str = "方正小标宋简体"
    page_number_font: str = "宋体"
    latin_font: str | None = None  # ascii/hAnsi font; None → the run's Chinese font
    body_size_pt: float = 16  # 3号
    title_size_pt: float = 22  # 2号
    page_number_size_pt: float = 14  # 4号
    table_size_pt: float = 12  # 小4号 in appendix tables
    comment_size_pt: float = 10.5  # 五号 in Word comments
    line_pitch: int = 579  # twips; exact line spacing and docGrid linePitch
    char_spacing: int = -5  # twentieths of a point (-5 = condensed 0.25 pt)
    margin_top_mm: float = 37
    margin_bottom_mm: float = 35
    margin_left_mm: float = 28
    margin_right_mm: float = 26
    footer_mm: float = 21
    header_mm: float = 15
    level3_bold: bool = False  # local practice, not the standard
    highlight_pending: bool = True
    comment_author: str = "台账"
    comment_initials: str = "TZ"

    @classmethod
    def windows(cls, **overrides) -> DocxStyle:
        """For Windows machines without the *_GB2312 fonts."""
        return cls(**{"body_font": "仿宋", "kai_font": "楷体", **overrides})

    def half(self, pt: float) -> str:
        return str(round(pt * 2))

    @property
    def char_twips(self) -> int:
        """Width of one body character (16 pt) in twips, as used for indents."""
        return round(self.body_size_pt * 20)

    @property
    def text_width_twips(self) -> int:
        return round((210 - self.margin_left_mm - self.margin_right_mm) / 25.4 * 1440)


# Style names; ids are the same without spaces.
TITLE = "GB Title"
HEADINGS = {1: "GB Heading 1", 2: "GB Heading 2", 3: "GB Heading 3", 4: "GB Heading 4"}
PAGE_NUMBER = "GB Page Number"
TABLE_TEXT = "GB Table Text"
ATTACHMENT = "GB Attachment Label"


def heading_font(style: DocxStyle, level: int) -> str:
    return {1: style.hei_font, 2: style.kai_font}.get(level, style.body_font)


def _child(parent, tag: str, **attrs):
    """The `tag` child of `parent`, created in place when missing, attributes set."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def set_fonts(rpr, font: str, latin: str | None = None) -> None:
    """Explicit font names on an rPr (ascii, hAnsi, eastAsia, cs); theme attributes removed."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("ascii", "hAnsi"):
        rfonts.set(qn(f"w:{attr}"), latin or font)
    rfonts.set(qn("w:eastAsia"), font)
    rfonts.set(qn("w:cs"), latin or font)


def fill_rpr(rpr, style: DocxStyle, font: str, size_pt: float, *, bold: bool = False, condense: bool = True):
    """rFonts, b, spacing, sz, szCs, lang in schema order on an (empty) rPr."""
    set_fonts(rpr, font, style.latin_font)
    if bold:
        _child(rpr, "w:b")
    _child(rpr, "w:spacing", val=style.char_spacing if condense else 0)  # explicit: styles inherit
    _child(rpr, "w:sz", val=style.half(size_pt))
    _child(rpr, "w:szCs", val=style.half(size_pt))
    _child(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    return rpr


def _ppr_lines(ppr, style: DocxStyle, *, first_line_chars: int | None = 2, snap: bool = True, jc: str = "both"):
    """Paragraph properties: no keep/widow games, exact lines, indent, alignment (schema order)."""
    tags = ("w:keepNext", "w:keepLines", "w:widowControl", "w:overflowPunct", "w:snapToGrid", "w:spacing",
            "w:ind", "w:jc")
    for tag in tags:
        old = ppr.find(qn(tag))
        if old is not None:
            ppr.remove(old)
    wc = OxmlElement("w:widowControl")
    wc.set(qn("w:val"), "0")
    ppr.append(wc)
    op = OxmlElement("w:overflowPunct")  # no hanging punctuation: at most 28 characters a line
    op.set(qn("w:val"), "0")
    ppr.append(op)
    if not snap:
        sg = OxmlElement("w:snapToGrid")
        sg.set(qn("w:val"), "0")
        ppr.append(sg)
    _child(ppr, "w:spacing", before=0, after=0, line=style.line_pitch, lineRule="exact")
    if first_line_chars:
        _child(ppr, "w:ind", firstLineChars=first_line_chars * 100, firstLine=first_line_chars * style.char_twips)
    else:  # firstLineChars too: in Word it overrides firstLine and would be inherited from Normal
        _child(ppr, "w:ind", firstLineChars=0, firstLine=0)
    _child(ppr, "w:jc", val=jc)
    return ppr


def apply_page_setup(document, style: DocxStyle) -> None:
    """A4 portrait, GB margins, footer distance, line grid, even/odd footers, no compression."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(style.margin_top_mm), Mm(style.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(style.margin_left_mm), Mm(style.margin_right_mm)
    section.footer_distance, section.header_distance = Mm(style.footer_mm), Mm(style.header_mm)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.attrib.clear()
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(style.line_pitch))
    document.settings.odd_and_even_pages_header_footer = True
    settings = document.settings.element
    csc = settings.find(qn("w:characterSpacingControl"))
    if csc is not None:
        csc.set(qn("w:val"), "doNotCompress")
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _doc_defaults(document, style: DocxStyle) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for el in list(rpr):
        rpr.remove(el)
    fill_rpr(rpr, style, style.body_font, style.body_size_pt, condense=False)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for el in list(ppr):
        ppr.remove(el)
    _child(ppr, "w:spacing", before=0, after=0, line=style.line_pitch, lineRule="exact")


def _paragraph_style(document, name: str):
    styles = document.styles
    try:
        st = styles[name]
    except KeyError:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles["Normal"]
        st.quick_style = True
    return st


def _define(st, style: DocxStyle, font: str, size_pt: float, *, bold=False, condense=True, **ppr_kw) -> None:
    el = st.element
    for tag in ("w:pPr", "w:rPr"):
        old = el.find(qn(tag))
        if old is not None:
            el.remove(old)
    ppr, rpr = OxmlElement("w:pPr"), OxmlElement("w:rPr")
    _ppr_lines(ppr, style, **ppr_kw)
    el.append(ppr)
    el.append(fill_rpr(rpr, style, font, size_pt, bold=bold, condense=condense))


def _outline_level(st, level: int) -> None:
    ppr = st.element.find(qn("w:pPr"))
    _child(ppr, "w:outlineLvl", val=level)  # after w:jc in schema order


def install_styles(document, style: DocxStyle) -> None:
    """Normal (body) and the GB paragraph styles, all with explicit East Asian fonts."""
    _doc_defaults(document, style)
    _define(document.styles["Normal"], style, style.body_font, style.body_size_pt)
    _define(_paragraph_style(document, TITLE), style, style.title_font, style.title_size_pt,
            first_line_chars=None, snap=False, jc="center", condense=False)
    _outline_level(document.styles[TITLE], 0)
    for level, name in HEADINGS.items():
        bold = level == 3 and style.level3_bold
        _define(_paragraph_style(document, name), style, heading_font(style, level), style.body_size_pt, bold=bold)
        _outline_level(document.styles[name], level)
    _define(_paragraph_style(document, PAGE_NUMBER), style, style.page_number_font, style.page_number_size_pt,
            first_line_chars=None, snap=False, jc="right", condense=False)
    _define(_paragraph_style(document, TABLE_TEXT), style, style.body_font, style.table_size_pt,
            first_line_chars=None, snap=False, jc="center", condense=False)
    _define(_paragraph_style(document, ATTACHMENT), style, style.hei_font, style.body_size_pt,
            first_line_chars=None, jc="left")
    _fix_spacing_for_small(document, style)
    _comment_styles(document, style)


def _fix_spacing_for_small(document, style: DocxStyle) -> None:
    """Table text and page numbers use single (auto) spacing rather than the 579 grid."""
    for name in (TABLE_TEXT, PAGE_NUMBER):
        sp = document.styles[name].element.find(qn("w:pPr")).find(qn("w:spacing"))
        sp.set(qn("w:line"), "240")
        sp.set(qn("w:lineRule"), "auto")


def _comment_styles(document, style: DocxStyle) -> None:
    """Word's built-in comment styles (ids CommentText / CommentReference), which python-docx's
    comments name but its template lacks; without them comments inherit the 16 pt body."""
    text = document.styles.add_style("annotation text", WD_STYLE_TYPE.PARAGRAPH)
    text.style_id = "CommentText"
    text.base_style = document.styles["Normal"]
    _define(text, style, style.body_font, style.comment_size_pt, first_line_chars=None, snap=False,
            jc="left", condense=False)
    sp = text.element.find(qn("w:pPr")).find(qn("w:spacing"))
    sp.set(qn("w:line"), "240")
    sp.set(qn("w:lineRule"), "auto")
    ref = document.styles.add_style("annotation reference", WD_STYLE_TYPE.CHARACTER)
    ref.style_id = "CommentReference"
    ref.font.size = Pt(style.comment_size_pt)
