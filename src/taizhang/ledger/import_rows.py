"""Spreadsheet rows of one work-area sheet -> validated, driver-ready record tuples.

Two paths with one meaning. The fast path handles the shapes an exported or normally
filled ledger has (known unit and type names, date cells, plain text, numbers) with
lookups precompiled per sheet and per activity type, and no per-row dicts. Anything
else — and every error — goes through the exact path, which runs the shared record
validation (`validation.clean_record`) and names sheet, row and column. A value the
fast path accepts is one the exact path would accept with the same result.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from taizhang.errors import ImportRowError, ValidationError
from taizhang.ledger.aggregates import COUNT_FIELD, Key, month_key
from taizhang.ledger.bulk import quantities_json
from taizhang.ledger.validation import FIELD_LABELS, MIN_YEAR, TEXT_LIMITS, clean_record, max_year, parse_number
from taizhang.taxonomy import Taxonomy, WorkArea

BASE_HEADERS = ("单位", "活动类型", "开始日期", "结束日期", "标题", "地点", "内容摘要", "参加人员", "亮点")
BASE_FIELDS = ("unit", "activity_type", "date_start", "date_end", "title", "place", "description",
               "participants", "highlight")
# Highlight cells the fast path reads directly (True/False also stand for 1/0, as bool() would).
FLAGS = {"是": 1, "否": 0, "": 0, True: 1, False: 0}
INF = math.inf
TITLE_MAX, PLACE_MAX = TEXT_LIMITS["title"], TEXT_LIMITS["place"]
DESCRIPTION_MAX, PARTICIPANTS_MAX = TEXT_LIMITS["description"], TEXT_LIMITS["participants"]


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def is_blank(values: list) -> bool:
    return all(v is None or cell_text(v) == "" for v in values)


class SheetRows:
    """Validates the rows of one area sheet; `headers` are the checked header cells.

    `postgres` picks the driver representation (date objects and bools for COPY, ISO text
    and 0/1 for sqlite3); `tail` is appended to every tuple (actor and timestamps).
    Monthly-stat deltas of every accepted row are added to `deltas`.
    """

    def __init__(self, taxonomy: Taxonomy, area: WorkArea, sheet: str, headers: list[str], root_name: str,
                 names: dict[str, list[int]], year: int | None, date1904: bool, *, postgres: bool,
                 tail: tuple, deltas: dict[Key, float]):
        self.taxonomy, self.area, self.sheet, self.headers = taxonomy, area, sheet, headers
        self.root_name, self.names, self.year, self.date1904 = root_name, names, year, date1904
        self.postgres, self.tail, self.deltas = postgres, tail, deltas
        self.width = len(headers)
        self.type_names = {t.name: t for t in area.types} | {t.code: t for t in area.types}
        # Fast lookups only for keys that need no stripping, so they match what the exact path finds.
        self.unit_ids = {n: ids[0] for n, ids in names.items() if len(ids) == 1 and n == n.strip()}
        qty_cols = list(enumerate(headers))[len(BASE_HEADERS):]
        self.kinds = {}
        for key, kind in self.type_names.items():
            fields = {q.label: q.field for q in kind.quantities}
            # (column, field, its JSON key prefix) for the type's quantities, in header order
            allowed = tuple((col, fields[label], f'"{fields[label]}":') for col, label in qty_cols if label in fields)
            others = tuple(col for col, label in qty_cols if label not in fields)
            self.kinds[key] = (kind.code, allowed, others)
        self.low, self.high = date(MIN_YEAR, 1, 1), date(max_year(), 12, 31)
        self.starts: dict[Any, tuple] = {}  # raw cell value -> (stored, yyyymm, day), valid in range and year
        self.ends: dict[Any, tuple] = {}  # raw cell value -> (stored, day), valid in range
        self.row = self._compile()

    # -- the fast path -----------------------------------------------------------------
    def _compile(self):
        """row(row_no, values) -> record tuple, None for a blank row; raises ImportRowError on a bad cell.

        A closure over the sheet's lookups: free variables are the cheapest names Python has.
        """
        width, unit_ids, kinds, starts, ends = self.width, self.unit_ids, self.kinds, self.starts, self.ends
        start_of, end_of, exact, deltas, tail = self._start, self._end, self.exact, self.deltas, self.tail
        flags = {k: bool(v) for k, v in FLAGS.items()} if self.postgres else FLAGS

        def row(row_no: int, v: list) -> tuple | None:
            if len(v) < width:
                return exact(row_no, v)
            uid = unit_ids.get(v[0])
            kind = kinds.get(v[1])
            start = starts.get(v[2]) or start_of(v[2])
            end_raw = v[3]
            end = None if end_raw == "" else (ends.get(end_raw) or end_of(end_raw))
            flag = flags.get(v[8])
            title, place, desc, part = v[4], v[5], v[6], v[7]
            if (uid is None or kind is None or start is None or flag is None or (end is None and end_raw != "")
                    or type(title) is not str or type(place) is not str or type(desc) is not str
                    or type(part) is not str):
                return exact(row_no, v)
            title, place, desc, part = title.strip(), place.strip(), desc.strip(), part.strip()
            if (not title or len(title) > TITLE_MAX or len(place) > PLACE_MAX or len(desc) > DESCRIPTION_MAX
                    or len(part) > PARTICIPANTS_MAX or (end is not None and end[1] < start[2])):
                return exact(row_no, v)
            numbers = []
            for col, field, key in kind[1]:
                x = v[col]
                if x == "":
                    continue
                if type(x) is not float or not 0 <= x < INF:
                    return exact(row_no, v)
                if x:
                    numbers.append((field, key, int(x) if x.is_integer() else x))
            for col in kind[2]:
                if v[col] != "":
                    return exact(row_no, v)
            code, month = kind[0], start[1]
            deltas[(uid, month, code, COUNT_FIELD)] += 1
            if numbers:
                for field, _, x in numbers:
                    deltas[(uid, month, code, field)] += x
                quantities = "{" + ",".join([key + repr(x) for _, key, x in numbers]) + "}"
            else:
                quantities = "{}"
            stored_end = None if end is None or end[1] == start[2] else end[0]
            return (uid, code, start[0], stored_end, title, place, desc, quantities, part, flag) + tail

        return row

    def _store(self, day: date):
        return day if self.postgres else day.isoformat()

    def _start(self, raw) -> tuple | None:
        try:
            day = self._as_day(raw)
        except (ValueError, TypeError, OverflowError):
            return None
        if day is None or not self.low <= day <= self.high or (self.year is not None and day.year != self.year):
            return None
        entry = self.starts[raw] = (self._store(day), month_key(day), day)
        return entry

    def _end(self, raw) -> tuple | None:
        try:
            day = self._as_day(raw)
        except (ValueError, TypeError, OverflowError):
            return None
        if day is None or not self.low <= day <= self.high:
            return None
        entry = self.ends[raw] = (self._store(day), day)
        return entry

    def _as_day(self, raw) -> date | None:
        if type(raw) is date:
            return raw
        if type(raw) is datetime:
            return raw.date()
        if type(raw) is float:
            return self._serial(raw).date()
        return None  # text dates and anything else: the exact path decides

    def _serial(self, value: float) -> datetime:
        return from_excel(value, CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900)

    # -- the exact path ----------------------------------------------------------------
    def fail(self, row: int, column: str, message: str) -> ImportRowError:
        return ImportRowError(message, sheet=self.sheet, row=row, column=column)

    def exact(self, row_no: int, values: list) -> tuple | None:
        if is_blank(values):
            return None
        clean = self.clean(row_no, values)
        quantities = clean["quantities"]
        month = month_key(clean["date_start"])
        self.deltas[(clean["unit_id"], month, clean["type_code"], COUNT_FIELD)] += 1
        for field, number in quantities.items():
            self.deltas[(clean["unit_id"], month, clean["type_code"], field)] += number
        end = clean["date_end"]
        return (clean["unit_id"], clean["type_code"], self._store(clean["date_start"]),
                None if end is None else self._store(end), clean["title"], clean["place"], clean["description"],
                quantities_json(quantities), clean["participants"],
                clean["highlight"] if self.postgres else int(clean["highlight"]), *self.tail)

    def unit_id(self, row: int, value: Any) -> int:
        name = cell_text(value)
        if not name:
            raise self.fail(row, "单位", "单位不能为空")
        ids = self.names.get(name)
        if not ids:
            raise self.fail(row, "单位", f"单位“{name}”不在“{self.root_name}”范围内")
        if len(ids) > 1:
            raise self.fail(row, "单位", f"单位名称“{name}”在“{self.root_name}”下不唯一")
        return ids[0]

    def as_date(self, row: int, key: str, value: Any) -> Any:
        """A date cell that lost its date format arrives as an Excel serial number."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            if not isinstance(value, (date, str)) and value is not None:
                raise self.fail(row, FIELD_LABELS[key], f"“{value}”不是日期")
            return value
        try:
            return self._serial(value)
        except (ValueError, OverflowError):
            raise self.fail(row, FIELD_LABELS[key], f"“{value}”不是日期") from None

    def quantities(self, row: int, kind, cells: dict[str, Any]) -> dict[str, float]:
        labels = {q.label: q.field for q in kind.quantities}
        out: dict[str, float] = {}
        for label in self.headers[len(BASE_HEADERS):]:
            value = cells.get(label)
            if value is None or cell_text(value) == "":
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

    def clean(self, row: int, values: list) -> dict[str, Any]:
        cells = dict(zip(self.headers, values, strict=False))
        unit_id = self.unit_id(row, cells.get("单位"))
        type_name = cell_text(cells.get("活动类型"))
        kind = self.type_names.get(type_name)
        if kind is None:
            raise self.fail(row, "活动类型", f"“{type_name}”不是“{self.area.name}”的活动类型"
                                            f"（可选：{'、'.join(t.name for t in self.area.types)}）")
        data = {BASE_FIELDS[i]: cells.get(h) for i, h in enumerate(BASE_HEADERS) if i > 1}
        for key in ("date_start", "date_end"):
            data[key] = self.as_date(row, key, data[key])
        data["activity_type"] = kind.code
        data = {k: (v if isinstance(v, (date, datetime)) or k == "highlight" else cell_text(v))
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

