"""Fast low-level WordprocessingML builders: paragraphs, runs, fields, tables.

Elements are made with `OxmlElement` (so python-docx proxies such as `Run`
still work on them) from copied rPr templates, which keeps a large report fast.
"""

from __future__ import annotations

from copy import deepcopy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from taizhang.report.render.docx_style import DocxStyle, fill_rpr

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class RunFormats:
    """Cached rPr templates keyed by (font, size, bold, highlight, condense)."""

    def __init__(self, style: DocxStyle):
        self.style = style
        self._cache: dict[tuple, object] = {}

    def rpr(self, font: str, size_pt: float, *, bold=False, highlight: str | None = None, condense=True):
        key = (font, size_pt, bold, highlight, condense)
        tmpl = self._cache.get(key)
        if tmpl is None:
            tmpl = fill_rpr(OxmlElement("w:rPr"), self.style, font, size_pt, bold=bold, condense=condense)
            if highlight:
                hl = OxmlElement("w:highlight")
                hl.set(qn("w:val"), highlight)
                tmpl.find(qn("w:szCs")).addnext(hl)
            self._cache[key] = tmpl
        return deepcopy(tmpl)


def make_p(style_id: str | None = None, *, jc: str | None = None, ind: dict | None = None, page_break=False):
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    if style_id:
        ps = OxmlElement("w:pStyle")
        ps.set(qn("w:val"), style_id)
        ppr.append(ps)
    if page_break:
        ppr.append(OxmlElement("w:pageBreakBefore"))
    if ind is not None:
        el = OxmlElement("w:ind")
        for k, v in ind.items():
            el.set(qn(f"w:{k}"), str(v))
        ppr.append(el)
    if jc:
        el = OxmlElement("w:jc")
        el.set(qn("w:val"), jc)
        ppr.append(el)
    p.append(ppr)
    return p


def add_text_run(p, text: str, rpr):
    """Append a run holding `text` (line breaks as w:br) and return it."""
    r = OxmlElement("w:r")
    r.append(rpr)
    for i, line in enumerate(text.split("\n")):
        if i:
            r.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.text = line
        if line != line.strip():
            t.set(XML_SPACE, "preserve")
        r.append(t)
    p.append(r)
    return r


def add_field(p, instr: str, cached: str, rpr) -> None:
    """A complex field (begin / instrText / separate / result / end), e.g. PAGE."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        r = OxmlElement("w:r")
        r.append(deepcopy(rpr))
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.text = f" {instr} "
            el.set(XML_SPACE, "preserve")
        elif kind == "result":
            el = OxmlElement("w:t")
            el.text = cached
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        r.append(el)
        p.append(r)


def _set(el, tag: str, **attrs):
    child = OxmlElement(tag)
    for k, v in attrs.items():
        child.set(qn(f"w:{k}"), str(v))
    el.append(child)
    return child


def make_table(n_cols: int, width_twips: int):
    """An empty bordered, centred table with equal columns; returns (tbl, col_width)."""
    tbl = OxmlElement("w:tbl")
    pr = OxmlElement("w:tblPr")
    _set(pr, "w:tblW", w=width_twips, type="dxa")
    _set(pr, "w:jc", val="center")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _set(borders, f"w:{side}", val="single", sz=4, space=0, color="000000")
    pr.append(borders)
    _set(pr, "w:tblLayout", type="fixed")
    tbl.append(pr)
    grid = OxmlElement("w:tblGrid")
    col = width_twips // max(n_cols, 1)
    for _ in range(n_cols):
        _set(grid, "w:gridCol", w=col)
    tbl.append(grid)
    return tbl, col


def add_row(tbl, *, header: bool = False):
    tr = OxmlElement("w:tr")
    if header:
        trpr = OxmlElement("w:trPr")
        trpr.append(OxmlElement("w:tblHeader"))
        tr.append(trpr)
    tbl.append(tr)
    return tr


def add_cell(tr, width: int, style_id: str):
    """A cell with one paragraph of `style_id`; returns that paragraph element."""
    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    _set(tcpr, "w:tcW", w=width, type="dxa")
    _set(tcpr, "w:vAlign", val="center")
    tc.append(tcpr)
    p = make_p(style_id)
    tc.append(p)
    tr.append(tc)
    return p
