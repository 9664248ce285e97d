"""数据来源清单 files: .xlsx and .json.

The workbook has sheet 数据来源清单 (`COLUMNS`, one row per figure) and sheet
台账记录 (every record of every source once: 来源, 指标, 单位范围, 记录ID, 记录标题).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from taizhang.report.model import Report
from taizhang.report.render.xlsx_writer import Sheet, write_xlsx
from taizhang.report.sources import COLUMNS, collect_sources, indicator_cell, provenance_data, source_row

SHEET = "数据来源清单"
RECORD_SHEET = "台账记录"
RECORD_COLUMNS = ("来源", "指标", "单位范围", "记录ID", "记录标题")
WIDTHS = (6, 10, 60, 24, 30, 24, 60)
RECORD_WIDTHS = (10, 24, 24, 18, 50)


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
    write_xlsx(target, sheets)


def provenance_json(report: Report, *, indent: int | None = None) -> str:
    return json.dumps(provenance_data(report), ensure_ascii=False, indent=indent)


def write_provenance_json(report: Report, target: str | Path) -> None:
    Path(target).write_text(provenance_json(report, indent=1), encoding="utf-8")
