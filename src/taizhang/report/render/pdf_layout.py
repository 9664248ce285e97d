"""Read a PDF's text lines back with positions (`pdftotext -bbox-layout`), to check layout.

Used by the layout tests (22 lines a page, 28 characters a line, page numbers
right on odd and left on even pages) and available for a preview check.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from taizhang.errors import TaizhangError
from taizhang.report.layout import em_width

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class PdfLine:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str  # words joined without the spaces pdftotext puts between them

    @property
    def ems(self) -> float:
        return em_width(self.text)


@dataclass(frozen=True)
class PdfPage:
    number: int
    width: float
    height: float
    lines: tuple[PdfLine, ...]

    def above(self, y: float) -> list[PdfLine]:
        """Lines whose bottom is above `y` points from the top (the text block)."""
        return [ln for ln in self.lines if ln.y1 <= y]

    def below(self, y: float) -> list[PdfLine]:
        return [ln for ln in self.lines if ln.y0 >= y]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _merge(lines: list[PdfLine], tolerance: float = 3.0) -> tuple[PdfLine, ...]:
    """Lines pdftotext put in different blocks but on one baseline become one line."""
    merged: list[PdfLine] = []
    for ln in sorted(lines, key=lambda l: (round(l.y0), l.x0)):
        last = merged[-1] if merged else None
        if last and abs(last.y0 - ln.y0) < tolerance:
            merged[-1] = PdfLine(min(last.x0, ln.x0), min(last.y0, ln.y0), max(last.x1, ln.x1),
                                 max(last.y1, ln.y1), last.text + ln.text)
        else:
            merged.append(ln)
    return tuple(merged)


def read_pdf_lines(pdf: str | Path) -> list[PdfPage]:
    if shutil.which("pdftotext") is None:
        raise TaizhangError("未找到 pdftotext（poppler-utils），无法检查 PDF 版式。")
    proc = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True)
    root = etree.fromstring(proc.stdout, etree.XMLParser(recover=True, huge_tree=True))
    pages = []
    for page in root.iter("{*}page"):
        lines = []
        for line in page.iter("{*}line"):
            words = [w.text or "" for w in line if _local(w.tag) == "word"]
            box = [float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            lines.append(PdfLine(*box, "".join(words)))
        pages.append(PdfPage(len(pages) + 1, float(page.get("width")), float(page.get("height")), _merge(lines)))
    return pages
