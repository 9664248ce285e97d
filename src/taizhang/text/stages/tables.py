"""Tables flattened to text ("序号 活动名称 场次 参与人数（人次）" and rows of cells under it), as a
table copied from Word, a web page or a PDF arrives in a .txt: each number in a column whose
heading names a measure word is a figure, counting what the row names.

    序号  活动名称  场次  参与人数（人次）
    1  网络安全进校园  32  21000         -> 32 场次 and 21000 人次 of 网络安全进校园
    合计  125  39500                      -> a totals row: its cells line up from the right

A heading may wrap over several lines (PDF copies put "（场次）" on a line of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CELL_SPLIT = re.compile(r"[ \t\u3000]+")
_BRACKETED = re.compile(r"[（(]([^（()）]{1,4})[）)]$")
_TOTAL_ROWS = ("合计", "总计", "小计")
_ROW_START = re.compile(r"[ \t\u3000]*(?:\d{1,3}|" + "|".join(_TOTAL_ROWS) + r")[ \t\u3000]")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_NAME_WORDS = ("名称", "项目", "活动", "单位", "内容", "类别", "栏目", "指标", "事项", "工作")
_PLANNED_WORDS = ("计划", "目标", "任务数", "预计")  # a column of planned amounts: its figures are targets
_MAX_HEADING_LINES = 4
HEADING_FIRST = ("序号", "排名", "名次", "编号")  # the first cell of a table's heading


@dataclass(frozen=True)
class TableFigure:
    start: int  # of the number, in the text the table was found in
    end: int
    value: int | float
    measure: str
    name_start: int  # the row's name (or 合计): what the figure counts
    name_end: int
    planned: bool  # in a column of planned amounts (计划数)


def _cells(line: str) -> list[str]:
    return [c for c in _CELL_SPLIT.split(line.strip()) if c]


def _spans(text: str, offset: int, cells: list[str]) -> list[tuple[int, int]]:
    """Where each of a row's cells (in order) stands in `text`, the row starting at `offset`."""
    spans, cursor = [], offset
    for cell in cells:
        cursor = text.find(cell, cursor)
        spans.append((cursor, cursor + len(cell)))
        cursor += len(cell)
    return spans


def _value(cell: str) -> int | float:
    value = float(cell.replace(",", ""))
    return int(value) if value.is_integer() else value


def row_name_span(text: str, pos: int) -> tuple[int, int]:
    """Span of the name of the tab-separated table row holding offset `pos`: its first cell, or its
    second when the first is the row's number ((pos, pos) when there is none before `pos`)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\t", start, pos)
    if end != -1 and text[start:end].strip().isdigit():
        start, end = end + 1, text.find("\t", end + 1, pos)
    return (start, end) if end != -1 else (pos, pos)


def _heading_cells(lines: list[str]) -> list[str]:
    """The heading's cells, a bracketed unit on its own ("（场次）") joined to the cell before it."""
    cells: list[str] = []
    for cell in (c for line in lines for c in _cells(line)):
        if cells and _BRACKETED.fullmatch(cell):
            cells[-1] += cell
        else:
            cells.append(cell)
    return cells


def column_measure(cell: str, measures: frozenset[str], columns: dict[str, str]) -> str | None:
    """The measure word a heading cell names: "参与人数（人次）" -> 人次, "场次" -> 场次, "次数" -> 次."""
    m = _BRACKETED.search(cell)
    if m and m.group(1) in measures:
        return m.group(1)
    for name, measure in columns.items():
        if cell.endswith(name):
            return measure
    return None


def _rows(text: str, pos: int) -> list[tuple[int, str]]:
    """(offset, line) of the table rows from `pos`: lines that start with a row number or 合计."""
    rows = []
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if not _ROW_START.match(line):
            break
        rows.append((pos, line))
        pos = end + 1
    return rows


def table_figures(text: str, measures: frozenset[str], columns: dict[str, str]) -> list[TableFigure]:
    """Every figure of every flattened table in `text` (clean text)."""
    out: list[TableFigure] = []
    pos = _next_heading(text, 0)
    while pos != -1:
        start = text.rfind("\n", 0, pos) + 1
        if text[start:pos].strip():  # 序号 in running text
            pos = _next_heading(text, pos + 2)
            continue
        heading, cursor = [], start
        while cursor < len(text) and len(heading) < _MAX_HEADING_LINES and not _ROW_START.match(text, cursor):
            end = text.find("\n", cursor)
            end = len(text) if end == -1 else end
            heading.append(text[cursor:end])
            cursor = end + 1
        out.extend(_figures(text, _heading_cells(heading), _rows(text, cursor), measures, columns))
        pos = _next_heading(text, cursor)
    return out


def tab_table_figures(text: str, measures: frozenset[str], columns: dict[str, str]) -> list[TableFigure]:
    """Figures of tables whose rows are tab-separated lines (from .docx, .doc, .html, .pdf) under a
    heading line that names measure words, with or without a 序号 column: the numbers of a row go,
    in order, to the measured columns in order (a merged heading or a 备注 column breaks lining up
    by position)."""
    out: list[TableFigure] = []
    lines = _tab_lines(text)
    k = 0
    while k < len(lines):
        measured = [(c, u) for c in _cells(lines[k][1]) if (u := column_measure(c, measures, columns))]
        k += 1
        if not measured:
            continue
        units = [u for _c, u in measured]
        planned = [any(w in c for w in _PLANNED_WORDS) for c, _u in measured]
        while k < len(lines) and lines[k][0] == lines[k - 1][0] + len(lines[k - 1][1]) + 1:  # the next line
            out.extend(_row_figures(text, *lines[k], units, planned))
            k += 1
    return out


def _tab_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of every line holding a tab."""
    out, pos = [], text.find("\t")
    while pos != -1:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        out.append((start, text[start:end]))
        pos = text.find("\t", end)
    return out


def _row_figures(text: str, offset: int, line: str, units: list[str], planned: list[bool]) -> list[TableFigure]:
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    spans = _spans(text, offset, cells)
    first = 1 if cells and cells[0].isdigit() and len(cells) > 1 else 0  # a row number
    numbers = [k for k in range(first, len(cells)) if _NUMBER.fullmatch(cells[k])]
    names = [k for k in range(first, len(cells)) if k not in numbers]
    if not numbers or len(numbers) > len(units):
        return []
    name = spans[names[0]] if names and names[0] < numbers[0] else (spans[0][0], spans[0][0])
    return [TableFigure(*spans[k], _value(cells[k]), unit, *name, plan)
            for k, unit, plan in zip(numbers, units, planned)]


def _next_heading(text: str, pos: int) -> int:
    """Where the next word that opens a table heading (序号, 排名…) stands, or -1."""
    found = [i for i in (text.find(w, pos) for w in HEADING_FIRST) if i != -1]
    return min(found) if found else -1


def _figures(text: str, heading: list[str], rows: list[tuple[int, str]], measures: frozenset[str],
             columns: dict[str, str]) -> list[TableFigure]:
    units = [column_measure(c, measures, columns) for c in heading]
    if not any(units) or not rows:
        return []
    name_col = next((i for i, c in enumerate(heading) if units[i] is None and any(w in c for w in _NAME_WORDS)), None)
    out = []
    for offset, line in rows:
        cells = _cells(line)
        spans = _spans(text, offset, cells)
        shift = len(heading) - len(cells)  # a short row (合计) lines up from the right
        if cells[0] in _TOTAL_ROWS:
            name = spans[0]
        elif name_col is not None and 0 <= name_col - shift < len(cells):
            name = spans[name_col - shift]
        else:  # the first cell after the row number that is no number
            name = next((spans[k] for k in range(1, len(cells)) if not _NUMBER.fullmatch(cells[k])),
                        (spans[0][0], spans[0][0]))
        for k, cell in enumerate(cells):
            unit = units[k + shift] if 0 <= k + shift < len(units) else None
            if unit and k > 0 and _NUMBER.fullmatch(cell):
                planned = any(w in heading[k + shift] for w in _PLANNED_WORDS)
                out.append(TableFigure(*spans[k], _value(cell), unit, *name, planned))
    return out
