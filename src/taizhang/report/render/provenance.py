"""数据来源清单 files: .xlsx and .json.

The workbook has sheet 数据来源清单 (`COLUMNS`, one row per figure), sheet
台账记录 (every record of every source once: 来源, 指标, 单位范围, 记录ID, 记录标题) and,
when the report has any, sheet 待补事项 (each 【待补：…】 the ledger could not fill).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from taizhang.report.model import Report
from taizhang.report.render.xlsx_writer import Sheet, write_xlsx
from taizhang.report.sources import COLUMNS, collect_sources, indicator_cell, provenance_data, source_row
from taizhang.report.walk import iter_pending

SHEET = "数据来源清单"
RECORD_SHEET = "台账记录"
RECORD_COLUMNS = ("来源", "指标", "单位范围", "记录ID", "记录标题")
WIDTHS = (6, 10, 60, 24, 30, 24, 60)
RECORD_WIDTHS = (10, 24, 24, 18, 50)
PENDING_SHEET = "待补事项"
PENDING_COLUMNS = ("序号", "待补内容", "指标", "说明")
PENDING_WIDTHS = (6, 50, 24, 40)


def _record_rows(sources):
    for key, prov in sources.items():
        indicator, scope = indicator_cell(prov), prov.scope()
        for rec in prov.records:
            yield (key, indicator, scope, str(rec.id), rec.title)


def write_provenance_xlsx(report: Report, target: str | Path | IO[bytes], *, records_sheet: bool = True) -> None:
    listing = collect_sources(report)
    cache: dict[int, tuple] = {}
    rows = [source_row(use, cache) for use in listing.uses]
    sheets = [Sheet(SHEET, COLUMNS, rows, WIDTHS, wrap=True)]
    if records_sheet:
        sheets.append(Sheet(RECORD_SHEET, RECORD_COLUMNS, _record_rows(listing.sources), RECORD_WIDTHS))
    pending = [(i, p.what, p.indicator, p.note) for i, p in enumerate(iter_pending(report), 1)]
    if pending:
        sheets.append(Sheet(PENDING_SHEET, PENDING_COLUMNS, pending, PENDING_WIDTHS, wrap=True))
    write_xlsx(target, sheets)


def provenance_json(report: Report, *, indent: int | None = None) -> str:
    return json.dumps(provenance_data(report), ensure_ascii=False, indent=indent)


def _lines_json(data: dict) -> str:
    """The same JSON with one figure / source / 待补 item per line: readable and diffable, yet every
    entry goes through json's C encoder (`indent=` switches to the pure-Python one, ~5x slower)."""
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            body = ",\n  ".join(dump(v) for v in value)
            parts.append(f"{dump(key)}: [\n  {body}\n ]")
        elif isinstance(value, dict) and value:
            body = ",\n  ".join(f"{dump(k)}:{dump(v)}" for k, v in value.items())
            parts.append(f"{dump(key)}: {{\n  {body}\n }}")
        else:
            parts.append(f"{dump(key)}: {dump(value)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


def write_provenance_json(report: Report, target: str | Path) -> None:
    Path(target).write_text(_lines_json(provenance_data(report)), encoding="utf-8")
