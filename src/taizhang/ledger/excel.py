"""Excel (.xlsx) ledger: export a unit-year ledger, and the file checks of its import.

Layout: a 填表说明 sheet, then one sheet per work area with Chinese headers, a frozen
header row and drop-downs for 活动类型 and 亮点. An export with no records is the
blank template users fill in. The import itself (all-or-nothing) is `xlsx_import`.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import xlsxwriter
from sqlalchemy import select
from sqlalchemy.orm import Session

from taizhang.errors import ImportRowError, ValidationError
from taizhang.ledger import records, units
from taizhang.ledger.import_rows import BASE_HEADERS, cell_text
from taizhang.ledger.models import Record, Unit, UnitClosure
from taizhang.ledger.xlsx_reader import XlsxBook
from taizhang.taxonomy import Taxonomy, WorkArea

GUIDE_SHEET = "填表说明"
MAX_DATA_ROWS = 1048576
DATE_FORMAT = "yyyy-mm-dd"


def sheet_title(area: WorkArea) -> str:
    return area.name[:31]


def quantity_headers(area: WorkArea) -> list[str]:
    """The union of the area's quantity labels, in taxonomy order (one column per label)."""
    seen: list[str] = []
    for kind in area.types:
        for q in kind.quantities:
            if q.label not in seen:
                seen.append(q.label)
    return seen


COLUMN_WIDTHS = (16, 22, 12, 12, 40, 20, 50, 20, 6)


def _add_validations(ws, area: WorkArea) -> None:
    last = MAX_DATA_ROWS - 1
    # Excel caps an inline list at 255 characters; XlsxWriter then warns and leaves the list out,
    # and the import still checks every type.
    ws.data_validation(1, 1, last, 1, {"validate": "list", "source": [t.name for t in area.types],
                                       "error_title": "活动类型无效", "error_message": "请从下拉列表中选择本领域的活动类型"})
    ws.data_validation(1, 8, last, 8, {"validate": "list", "source": ["是", "否"]})
    ws.data_validation(1, 2, last, 3, {"validate": "date", "criteria": "between", "minimum": date(2000, 1, 1),
                                       "maximum": date(2099, 12, 31), "error_message": "请填写日期，如 2025-03-18"})


def _guide(wb: xlsxwriter.Workbook, taxonomy: Taxonomy, unit: Unit, year: int) -> None:
    ws = wb.add_worksheet(GUIDE_SHEET)
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 80)
    rows = [["单位", unit.name], ["年度", year],
            ["说明", "每个工作领域一张工作表，每行一条台账记录；日期填 年-月-日；亮点填“是”或“否”；数量只填本活动类型有的列。"],
            [], ["活动类型", "数量列"]]
    rows += [[kind.name, "、".join(q.label for q in kind.quantities) or "（无）"]
             for area in taxonomy.areas for kind in area.types]
    for number, row in enumerate(rows):
        ws.write_row(number, 0, row)


def _area_sheet(wb: xlsxwriter.Workbook, area: WorkArea, header_format) -> tuple:
    ws = wb.add_worksheet(sheet_title(area))
    ws.freeze_panes(1, 0)
    for idx, width in enumerate(COLUMN_WIDTHS):
        ws.set_column(idx, idx, width)
    _add_validations(ws, area)
    headers = [*BASE_HEADERS, *quantity_headers(area)]
    ws.write_row(0, 0, headers, header_format)
    return ws, headers[len(BASE_HEADERS):]


def export_ledger(session: Session, taxonomy: Taxonomy, unit: units.UnitRef, year: int, out: Path) -> int:
    """Write the unit subtree's records of `year`; returns the number of records written.

    XlsxWriter writes what Excel itself writes (a shared-string table, UTF-8 text), which is
    also what the importer parses fastest; text cells are always strings, never formulas.
    """
    root = units.resolve(session, unit)
    names = dict(session.execute(select(Unit.id, Unit.name).join(UnitClosure, UnitClosure.descendant_id == Unit.id)
                                 .where(UnitClosure.ancestor_id == root.id)).all())
    out.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False, "strings_to_urls": False})
    header_format = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "pattern": 1})
    date_format = wb.add_format({"num_format": DATE_FORMAT})
    _guide(wb, taxonomy, root, year)
    total = 0
    for area in taxonomy.areas:
        ws, qty_headers = _area_sheet(wb, area, header_format)
        text, day, number = ws.write_string, ws.write_datetime, ws.write_number
        kinds = {t.code: (t.name, [(9 + i, q.field) for i, label in enumerate(qty_headers)
                                   for q in t.quantities if q.label == label]) for t in area.types}
        stmt = records.query(root.id, date(year, 1, 1), date(year, 12, 31), list(kinds)).with_only_columns(
            Record.unit_id, Record.type_code, Record.date_start, Record.date_end, Record.title, Record.place,
            Record.description, Record.participants, Record.highlight, Record.quantities)
        for row, rec in enumerate(session.execute(stmt.execution_options(yield_per=5000)), start=1):
            unit_id, code, start, end, title, place, description, participants, highlight, quantities = rec
            kind_name, columns = kinds[code]
            text(row, 0, names[unit_id])
            text(row, 1, kind_name)
            day(row, 2, start, date_format)
            if end is not None:
                day(row, 3, end, date_format)
            for col, value in ((4, title), (5, place), (6, description), (7, participants)):
                if value:
                    text(row, col, value)
            text(row, 8, "是" if highlight else "否")
            for col, field in columns:
                value = (quantities or {}).get(field)
                if value is not None:
                    number(row, col, value)
            total += 1
    wb.close()
    return total


# -- import: the file, its sheets and headers ---------------------------------------------

def open_workbook(path: Path) -> XlsxBook:
    if not path.is_file():
        raise ValidationError(f"文件“{path}”不存在", field="file")
    if path.stat().st_size == 0:
        raise ValidationError(f"文件“{path.name}”是空文件", field="file")
    if not zipfile.is_zipfile(path):
        raise ValidationError(f"文件“{path.name}”不是 Excel 表格（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后再导入",
                              field="file")
    try:
        return XlsxBook(path)
    except Exception as exc:  # damaged packages fail as zip, XML or missing-part errors
        raise ValidationError(f"文件“{path.name}”已损坏或不是有效的 .xlsx 表格（{type(exc).__name__}）",
                              field="file") from exc


def check_sheets(wb: XlsxBook, taxonomy: Taxonomy) -> dict[str, WorkArea]:
    areas = {sheet_title(a): a for a in taxonomy.areas}
    unknown = [name for name in wb.sheetnames if name not in areas and name != GUIDE_SHEET]
    if unknown:
        raise ValidationError(f"工作表“{unknown[0]}”不是台账工作表；台账应只含“{GUIDE_SHEET}”和各工作领域工作表"
                              f"（{'、'.join(areas)}），请使用导出的模板", field="file")
    present = {name: areas[name] for name in wb.sheetnames if name in areas}
    if not present:
        raise ValidationError(f"表格中没有任何工作领域工作表（应为：{'、'.join(areas)}），请使用导出的模板", field="file")
    return present


def check_header(sheet: str, header: list, area: WorkArea) -> list[str]:
    cells = [cell_text(v) for v in header]
    while cells and not cells[-1]:
        cells.pop()
    for idx, expected in enumerate(BASE_HEADERS):
        got = cells[idx] if idx < len(cells) else ""
        if got != expected:
            raise ImportRowError(f"表头应为“{expected}”，实为“{got}”", sheet=sheet, row=1, column=expected)
    allowed = quantity_headers(area)
    for label in cells[len(BASE_HEADERS):]:
        if label not in allowed:
            raise ImportRowError(f"未知的数量列“{label}”（本领域可用：{'、'.join(allowed) or '无'}）",
                                 sheet=sheet, row=1, column=label)
    return cells


def unit_names(session: Session, root_id: int) -> dict[str, list[int]]:
    rows = session.execute(select(Unit.name, Unit.id).join(UnitClosure, UnitClosure.descendant_id == Unit.id)
                           .where(UnitClosure.ancestor_id == root_id))
    names: dict[str, list[int]] = {}
    for name, unit_id in rows:
        names.setdefault(name, []).append(unit_id)
    return names
