"""A minimal, fast .xlsx writer: string/number cells, a bold header row, column widths.

openpyxl writes about 50k cells a second; a county's 数据来源清单 lists tens of
thousands of records, so its sheets are written as XML text here (inline strings)
and zipped. openpyxl, Excel and LibreOffice read the result.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_CELL = 32767

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
REL = ('<Relationship Id="rId{n}" Target="{target}" '
       'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"/>')
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/></font>'
    '<font><b/><sz val="11"/><name val="等线"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def text(value: str) -> str:
    """Escaped cell text (control characters are dropped by the caller)."""
    return value[:MAX_CELL].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def column_letter(i: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        name = chr(65 + rem) + name
    return name


@dataclass
class Sheet:
    name: str
    header: Sequence[str]
    rows: Iterable[Sequence] = ()
    widths: Sequence[float] = ()
    wrap: bool = False  # wrap text in body cells (style 2)

    def xml(self) -> str:
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS} {NS_R}>',
               '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
               'state="frozen"/></sheetView></sheetViews>']
        if self.widths:
            out.append("<cols>" + "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                                          for i, w in enumerate(self.widths, 1)) + "</cols>")
        out.append("<sheetData>")
        out.append(_Cells(' s="1"').row(self.header))  # style 1: bold header
        cells = _Cells(' s="2"' if self.wrap else "")
        out.extend(cells.row(row) for row in self.rows)
        out.append("</sheetData></worksheet>")
        return "".join(out)


class _Cells:
    """Cell XML of one style, memoised per value: a 数据来源清单 repeats its source, indicator and
    scope cells on every record row, so each distinct text is escaped and cleaned once."""

    def __init__(self, style_attr: str):
        self.s = style_attr
        self.done: dict = {}

    def cell(self, v) -> str:
        if v is None or v == "":
            return "<c/>"  # cells carry no r="A1": position is the order (the schema allows it)
        if type(v) is int or type(v) is float:
            return f"<c{self.s}><v>{v}</v></c>"
        clean = _ILLEGAL.sub("", text(str(v)))
        return f'<c{self.s} t="inlineStr"><is><t xml:space="preserve">{clean}</t></is></c>'

    def row(self, values: Sequence) -> str:
        done = self.done
        parts = []
        for v in values:
            if type(v) is not str:  # numbers are not memoised: 1 == 1.0 == True would share a cell
                parts.append(self.cell(v))
                continue
            xml = done.get(v)
            if xml is None:
                xml = done[v] = self.cell(v)
            parts.append(xml)
        return "<row>" + "".join(parts) + "</row>"


def write_xlsx(target: str | Path | IO[bytes], sheets: Sequence[Sheet]) -> None:
    names = "".join(f'<sheet name="{text(s.name)}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1))
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {NS} {NS_R}>'
                f"<sheets>{names}</sheets></workbook>")
    rels = [REL.format(n=i, target=f"worksheets/sheet{i}.xml", kind="worksheet") for i in range(1, len(sheets) + 1)]
    rels.append(REL.format(n=len(sheets) + 1, target="styles.xml", kind="styles"))
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(rels) + "</Relationships>")
    types = CONTENT_TYPES.format(sheets="".join(SHEET_TYPE.format(n=i) for i in range(1, len(sheets) + 1)))
    dest = str(target) if isinstance(target, Path) else target
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        z.writestr("xl/styles.xml", STYLES)
        for i, sheet in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", sheet.xml())
