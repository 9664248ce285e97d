"""Fast read-only .xlsx reader: the package is a zip of XML parts, parsed with lxml iterparse.

openpyxl builds a cell object per cell and dominated import time; this yields plain values.
Date cells come back as Excel serial numbers: the importer converts them (1900/1904 aware).
"""

from __future__ import annotations

import posixpath
import zipfile

from lxml import etree

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
T_TAG = f"{NS}t"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _column_index(ref: str) -> int:
    """0-based column of a cell reference such as "AB12"."""
    col = 0
    for ch in ref:
        if ch.isdigit():
            break
        col = col * 26 + ord(ch) - 64
    return col - 1


def _text(el) -> str:
    # A string item is <t> or rich-text runs <r><t>; phonetic runs (<rPh>) are not content.
    if len(el) == 1 and el[0].tag == T_TAG:  # the common plain-text item, no search needed
        return el[0].text or ""
    direct = el.find(T_TAG)
    if direct is not None:
        return direct.text or ""
    return "".join(t.text or "" for t in el.iterfind(f"{NS}r/{NS}t"))


class XlsxBook:
    def __init__(self, path) -> None:
        self._zip = zipfile.ZipFile(path)
        workbook = etree.fromstring(self._zip.read("xl/workbook.xml"))
        pr = workbook.find(f"{NS}workbookPr")
        self.date1904 = pr is not None and pr.get("date1904") in ("1", "true")
        rels = etree.fromstring(self._zip.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(PKG_REL)}
        self._parts: dict[str, str] = {}
        for sheet in workbook.iter(f"{NS}sheet"):
            target = targets[sheet.get(f"{REL_NS}id")]
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            self._parts[sheet.get("name")] = part
        self.sheetnames = list(self._parts)
        self._shared = self._shared_strings()

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self._zip.namelist():
            return []
        out = []
        with self._zip.open("xl/sharedStrings.xml") as fh:
            for _, el in etree.iterparse(fh, tag=f"{NS}si"):
                out.append(_text(el))
                el.clear()
        return out

    def _value(self, c):
        kind = c.get("t")
        if kind == "inlineStr":
            is_ = c.find(f"{NS}is")
            return _text(is_) if is_ is not None else None
        v = c.find(f"{NS}v")
        if v is None or v.text is None:
            return None
        raw = v.text
        if kind == "s":
            return self._shared[int(raw)]
        if kind in ("str", "e"):
            return raw
        if kind == "b":
            return raw == "1"
        number = float(raw)
        return int(number) if number.is_integer() and "." not in raw and "E" not in raw.upper() else number

    def rows(self, sheet: str):
        """(1-based row number, values) for each stored row; gaps in cells become None."""
        with self._zip.open(self._parts[sheet]) as fh:
            number = 0
            for _, row in etree.iterparse(fh, tag=f"{NS}row"):
                number = int(row.get("r") or number + 1)
                values: list = []
                for pos, c in enumerate(row.iter(f"{NS}c")):
                    idx = _column_index(c.get("r")) if c.get("r") else pos
                    values.extend([None] * (idx - len(values)))
                    values.append(self._value(c))
                row.clear()
                while row.getprevious() is not None:
                    del row.getparent()[0]
                yield number, values

    def close(self) -> None:
        self._zip.close()
