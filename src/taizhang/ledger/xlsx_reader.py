"""Fast read-only .xlsx reader on python-calamine (Rust), yielding plain cell values.

openpyxl builds a Python object per cell and lxml still walks every element from Python;
calamine parses a whole sheet in compiled code with the GIL released, so the importer can
read the next sheet on one core while it validates and writes the previous one on another.

Cell values: str (empty cells are ""), float for numbers, bool, and date / datetime for
cells with a date format. A date typed without a date format arrives as an Excel serial
number: the importer converts it, 1900 or 1904 date system per `date1904`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator

from lxml import etree
from python_calamine import CalamineWorkbook

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _uses_1904(path) -> bool:
    # calamine applies the date system to formatted dates itself but does not expose it,
    # and unformatted serial numbers need it too: read <workbookPr date1904> once.
    with zipfile.ZipFile(path) as package:
        workbook = etree.fromstring(package.read("xl/workbook.xml"))
    pr = workbook.find(f"{NS}workbookPr")
    return pr is not None and pr.get("date1904") in ("1", "true")


class XlsxBook:
    def __init__(self, path) -> None:
        self.date1904 = _uses_1904(path)
        self._book = CalamineWorkbook.from_path(str(path))
        self.sheetnames: list[str] = list(self._book.sheet_names)

    def sheet_rows(self, sheet: str) -> Iterator[list]:
        """Every row from row 1 on (row i of the iteration is sheet row i + 1), as value lists.

        Parsing happens here, in compiled code without the GIL; rows become Python lists lazily.
        """
        data = self._book.get_sheet_by_name(sheet)
        if data.height == 0:
            return iter(())
        first_col = data.start[1]
        rows = data.iter_rows()
        if first_col == 0:
            return rows
        pad = [""] * first_col  # calamine starts each row at the first used column
        return (pad + row for row in rows)

    def rows(self, sheet: str) -> Iterator[tuple[int, list]]:
        """(1-based row number, values) for each row, empty rows included."""
        return enumerate(self.sheet_rows(sheet), start=1)

    def close(self) -> None:
        self._book.close()
