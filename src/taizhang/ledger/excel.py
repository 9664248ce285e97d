"""Excel (.xlsx) ledger: export a unit-year ledger, import it back all-or-nothing.

Layout: a 填表说明 sheet, then one sheet per work area with Chinese headers, a frozen
header row and drop-downs for 活动类型 and 亮点. An export with no records is the
blank template users fill in.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import Session

from taizhang.errors import ImportRowError, ValidationError
from taizhang.ledger import audit, bulk, records, units
from taizhang.ledger.models import Unit, UnitClosure
from taizhang.ledger.xlsx_reader import XlsxBook
from taizhang.ledger.validation import FIELD_LABELS, clean_record, parse_number
from taizhang.taxonomy import Taxonomy, WorkArea

GUIDE_SHEET = "填表说明"
BASE_HEADERS = ("单位", "活动类型", "开始日期", "结束日期", "标题", "地点", "内容摘要", "参加人员", "亮点")
BASE_FIELDS = ("unit", "activity_type", "date_start", "date_end", "title", "place", "description",
               "participants", "highlight")
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


def _text_cell(ws, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if value.startswith("="):
        cell.data_type = "s"  # user text, never a formula
    return cell


def _date_cell(ws, value: date | None) -> WriteOnlyCell | None:
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = DATE_FORMAT
    return cell


def _header_row(ws, headers: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for title in headers:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cells.append(cell)
    return cells


def _add_validations(ws, area: WorkArea) -> None:
    names = ",".join(t.name for t in area.types)
    type_list = DataValidation(type="list", formula1=f'"{names}"', allow_blank=True,
                               error="请从下拉列表中选择本领域的活动类型", errorTitle="活动类型无效", showErrorMessage=True)
    type_list.add(f"B2:B{MAX_DATA_ROWS}")
    flag = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    flag.add(f"I2:I{MAX_DATA_ROWS}")
    dates = DataValidation(type="date", operator="between", formula1="36526", formula2="73051", allow_blank=True,
                           error="请填写日期，如 2025-03-18", showErrorMessage=True)
    dates.add(f"C2:D{MAX_DATA_ROWS}")
    for dv in (type_list, flag, dates):
        ws.data_validations.append(dv)


def _guide(wb: Workbook, taxonomy: Taxonomy, unit: Unit, year: int) -> None:
    ws = wb.create_sheet(GUIDE_SHEET)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 80
    ws.append(["单位", unit.name])
    ws.append(["年度", year])
    ws.append(["说明", "每个工作领域一张工作表，每行一条台账记录；日期填 年-月-日；亮点填“是”或“否”；数量只填本活动类型有的列。"])
    ws.append([])
    ws.append(["活动类型", "数量列"])
    for area in taxonomy.areas:
        for kind in area.types:
            ws.append([kind.name, "、".join(q.label for q in kind.quantities) or "（无）"])


def export_ledger(session: Session, taxonomy: Taxonomy, unit: units.UnitRef, year: int, out: Path) -> int:
    """Write the unit subtree's records of `year`; returns the number of records written."""
    root = units.resolve(session, unit)
    names = dict(session.execute(select(Unit.id, Unit.name).join(UnitClosure, UnitClosure.descendant_id == Unit.id)
                                 .where(UnitClosure.ancestor_id == root.id)).all())
    wb = Workbook(write_only=True)
    _guide(wb, taxonomy, root, year)
    total = 0
    for area in taxonomy.areas:
        ws = wb.create_sheet(sheet_title(area))
        qty_headers = quantity_headers(area)
        ws.freeze_panes = "A2"
        for idx, width in enumerate((16, 22, 12, 12, 40, 20, 50, 20, 6), start=1):
            ws.column_dimensions[get_column_letter(idx)].width = width
        _add_validations(ws, area)
        ws.append(_header_row(ws, [*BASE_HEADERS, *qty_headers]))
        stmt = records.query(root.id, date(year, 1, 1), date(year, 12, 31), [t.code for t in area.types])
        for rec in session.scalars(stmt.execution_options(yield_per=5000)):
            kind = taxonomy.type(rec.type_code)
            by_label = {q.label: (rec.quantities or {}).get(q.field) for q in kind.quantities}
            ws.append([names[rec.unit_id], kind.name, _date_cell(ws, rec.date_start), _date_cell(ws, rec.date_end),
                       _text_cell(ws, rec.title), _text_cell(ws, rec.place), _text_cell(ws, rec.description),
                       _text_cell(ws, rec.participants), "是" if rec.highlight else "否",
                       *[by_label.get(label) for label in qty_headers]])
            total += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return total


# -- import --------------------------------------------------------------------------------

def _open_workbook(path: Path):
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


def _check_sheets(wb, taxonomy: Taxonomy) -> dict[str, WorkArea]:
    areas = {sheet_title(a): a for a in taxonomy.areas}
    unknown = [name for name in wb.sheetnames if name not in areas and name != GUIDE_SHEET]
    if unknown:
        raise ValidationError(f"工作表“{unknown[0]}”不是台账工作表；台账应只含“{GUIDE_SHEET}”和各工作领域工作表"
                              f"（{'、'.join(areas)}），请使用导出的模板", field="file")
    present = {name: areas[name] for name in wb.sheetnames if name in areas}
    if not present:
        raise ValidationError(f"表格中没有任何工作领域工作表（应为：{'、'.join(areas)}），请使用导出的模板", field="file")
    return present


def _check_header(sheet: str, header: tuple, area: WorkArea) -> list[str]:
    cells = [str(v).strip() if v is not None else "" for v in header]
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


def _unit_names(session: Session, root_id: int) -> dict[str, list[int]]:
    rows = session.execute(select(Unit.name, Unit.id).join(UnitClosure, UnitClosure.descendant_id == Unit.id)
                           .where(UnitClosure.ancestor_id == root_id))
    names: dict[str, list[int]] = {}
    for name, unit_id in rows:
        names.setdefault(name, []).append(unit_id)
    return names


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _SheetReader:
    """Turns the rows of one area sheet into validated record rows, naming the cell on error."""

    def __init__(self, taxonomy: Taxonomy, area: WorkArea, sheet: str, headers: list[str], root: Unit,
                 names: dict[str, list[int]], year: int | None):
        self.taxonomy, self.area, self.sheet, self.headers = taxonomy, area, sheet, headers
        self.root, self.names, self.year = root, names, year
        self.type_names = {t.name: t for t in area.types} | {t.code: t for t in area.types}
        self.date1904 = False

    def fail(self, row: int, column: str, message: str) -> ImportRowError:
        return ImportRowError(message, sheet=self.sheet, row=row, column=column)

    def unit_id(self, row: int, value: Any) -> int:
        name = _cell_text(value)
        if not name:
            raise self.fail(row, "单位", "单位不能为空")
        ids = self.names.get(name)
        if not ids:
            raise self.fail(row, "单位", f"单位“{name}”不在“{self.root.name}”范围内")
        if len(ids) > 1:
            raise self.fail(row, "单位", f"单位名称“{name}”在“{self.root.name}”下不唯一")
        return ids[0]

    def as_date(self, row: int, key: str, value: Any) -> Any:
        """A date cell that lost its date format arrives as an Excel serial number."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return value
        try:
            return from_excel(value, CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900)
        except (ValueError, OverflowError):
            raise self.fail(row, FIELD_LABELS[key], f"“{value}”不是日期") from None

    def quantities(self, row: int, kind, cells: dict[str, Any]) -> dict[str, float]:
        labels = {q.label: q.field for q in kind.quantities}
        out: dict[str, float] = {}
        for label in self.headers[len(BASE_HEADERS):]:
            value = cells.get(label)
            if value is None or _cell_text(value) == "":
                continue
            if label not in labels:
                raise self.fail(row, label, f"活动类型“{kind.name}”没有数量“{label}”，请留空")
            try:
                number = parse_number(value, label, "quantities")
            except ValidationError as exc:
                raise self.fail(row, label, exc.message) from None
            if number:
                out[labels[label]] = number
        return out

    def parse(self, row: int, values: tuple) -> dict[str, Any]:
        cells = dict(zip(self.headers, values, strict=False))
        unit_id = self.unit_id(row, cells.get("单位"))
        type_name = _cell_text(cells.get("活动类型"))
        kind = self.type_names.get(type_name)
        if kind is None:
            raise self.fail(row, "活动类型", f"“{type_name}”不是“{self.area.name}”的活动类型"
                                            f"（可选：{'、'.join(t.name for t in self.area.types)}）")
        data = {BASE_FIELDS[i]: cells.get(h) for i, h in enumerate(BASE_HEADERS) if i > 1}
        for key in ("date_start", "date_end"):
            data[key] = self.as_date(row, key, data[key])
        data["activity_type"] = kind.code
        data = {k: (v if isinstance(v, (date, datetime)) or k == "highlight" else _cell_text(v))
                for k, v in data.items()}
        try:
            clean = clean_record(self.taxonomy, data)
        except ValidationError as exc:
            raise self.fail(row, FIELD_LABELS.get(exc.field or "", exc.field), exc.message) from None
        if self.year is not None and clean["date_start"].year != self.year:
            raise self.fail(row, "开始日期", f"日期 {clean['date_start'].isoformat()} 不在{self.year}年内")
        clean["quantities"] = self.quantities(row, kind, cells)
        clean["unit_id"] = unit_id
        return clean


def read_ledger(ledger, path: Path, unit: units.UnitRef, *, year: int | None = None, progress=None) -> list[dict]:
    """Parse and validate every row; raises on the first bad cell, before anything is written."""
    wb = _open_workbook(path)
    try:
        present = _check_sheets(wb, ledger.taxonomy)
        with ledger.transaction() as session:
            root = units.resolve(session, unit)
            names = _unit_names(session, root.id)
        rows: list[dict] = []
        for sheet, area in present.items():
            it = wb.rows(sheet)
            first = next(it, None)
            if first is None:
                continue  # an untouched empty sheet
            header = first[1] if first[0] == 1 else ()
            reader = _SheetReader(ledger.taxonomy, area, sheet, _check_header(sheet, header, area), root, names, year)
            reader.date1904 = wb.date1904
            for row_no, values in it:
                if all(v is None or _cell_text(v) == "" for v in values):
                    continue
                rows.append(reader.parse(row_no, values))
                if progress and len(rows) % 1000 == 0:
                    progress(1000)
        return rows
    finally:
        wb.close()


def write_rows(session: Session, rows: list[dict], *, actor: str = "system") -> int:
    """Insert parsed rows in the caller's transaction, with one audit entry per record."""
    ids = bulk.insert_records(session, rows, actor=actor, returning=True)
    entries = [{"actor": actor, "action": "insert", "entity": "record", "entity_id": rid,
                "before": None, "after": {k: audit._jsonable(v) for k, v in row.items()} | {"id": rid}}
               for rid, row in zip(ids, rows, strict=True)]
    audit.log_many(session, entries)
    return len(ids)
