"""Excel export/import: layout, round trip, and all-or-nothing import with errors naming the cell."""

from __future__ import annotations

import sys
import threading
import zipfile
from datetime import UTC, date, datetime

import pytest
from ledger_helpers import lecture
from openpyxl import load_workbook
from sqlalchemy import func, select

from taizhang.errors import ImportRowError, ValidationError
from taizhang.ledger import aggregates, audit, producers, xlsx_import
from taizhang.ledger.models import AuditLog, MonthlyStat, Record

COMPARED = ("unit_id", "type_code", "date_start", "date_end", "title", "place", "description", "participants",
            "highlight", "quantities")


def state(ledger) -> tuple:
    with ledger.transaction() as s:
        return (s.scalar(select(func.count()).select_from(Record)),
                s.scalar(select(func.count()).select_from(AuditLog)),
                s.scalar(select(func.coalesce(func.sum(MonthlyStat.value), 0))))


def snapshot(ledger, unit="示例县") -> list[tuple]:
    return sorted(tuple(getattr(r, c) for c in COMPARED) for r in ledger.records(unit))


@pytest.fixture(params=["thread", "process"])
def producer(request, monkeypatch):
    """Import tests run with the file read in a thread and in a forked process: same results."""
    if request.param == "process":
        if sys.platform != "linux":
            pytest.skip("the import reads in a forked process on Linux only")
        assert producers.can_fork(), f"a test left threads running: {threading.enumerate()}"
        monkeypatch.setattr(xlsx_import, "FORK_MIN_BYTES", 0)
    else:
        monkeypatch.setattr(xlsx_import, "FORK_MIN_BYTES", float("inf"))
    return request.param


@pytest.fixture
def filled(county):
    county.create_record("桃园村", lecture("2025-03-04", 120, date_end="2025-03-06", highlight=True,
                                          description="创新“板凳课堂”", participants="党员群众"))
    county.create_record("石岭村", lecture("2025-07-01", 0, title="=SUM(A1)恶意公式"))
    county.create_record("青山镇", {"activity_type": "公众号发布", "date_start": "2025-05-01", "title": "第1期",
                                    "quantities": {"发布条数": 3, "原创条数": 1}})
    county.create_record("青山镇", {"activity_type": "文化站免费开放", "date_start": "2025-05-02",
                                    "title": "开放", "quantities": {"开放时长": 3.5}})
    return county


def test_export_layout(filled, tmp_path):
    out = tmp_path / "台账.xlsx"
    assert filled.export_xlsx("示例县", 2025, out) == 4
    wb = load_workbook(out)
    areas = [a.name for a in filled.taxonomy.areas]
    assert wb.sheetnames == ["填表说明", *areas]
    ws = wb["宣讲"]
    assert [c.value for c in ws[1]][:9] == ["单位", "活动类型", "开始日期", "结束日期", "标题", "地点", "内容摘要",
                                            "参加人员", "亮点"]
    assert "受众人次" in [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2"
    assert isinstance(ws["C2"].value, datetime) and ws["C2"].value.date() == date(2025, 3, 4)
    assert ws["C2"].number_format == "yyyy-mm-dd"
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert any("理论宣讲" in dv.formula1 for dv in lists)
    assert {ws.cell(r, 5).value for r in (2, 3)} == {"党的二十届三中全会精神专题宣讲", "=SUM(A1)恶意公式"}
    assert ws.cell(3, 5).data_type == "s"


@pytest.mark.usefixtures("producer")
def test_round_trip_gives_identical_records(filled, tmp_path):
    out = tmp_path / "台账.xlsx"
    filled.export_xlsx("示例县", 2025, out)
    original = snapshot(filled)
    for record in filled.records("示例县"):
        filled.delete_record(record.id)
    assert filled.import_xlsx(out, "示例县", year=2025, actor="导入员") == 4
    assert snapshot(filled) == original
    assert filled.history("record", limit=1)[0].actor == "导入员"
    from taizhang.ledger import Period
    assert filled.indicator_value("示例县", Period.year(2025), "venue_opening.hours").value == 3.5


@pytest.mark.usefixtures("producer")
def test_empty_export_is_a_template_that_imports_nothing(county, tmp_path):
    out = tmp_path / "模板.xlsx"
    assert county.export_xlsx("青山镇", 2026, out) == 0
    assert county.import_xlsx(out, "青山镇") == 0


def _edit(path, sheet, cell, value):
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "row", "column", "words"),
    [
        ("宣讲", "B3", "跳广场舞", 3, "活动类型", "不是“宣讲”的活动类型"),
        ("宣讲", "C3", "2025-02-30", 3, "开始日期", "格式不对"),
        ("宣讲", "C3", "1990-01-01", 3, "开始日期", "超出范围"),
        ("宣讲", "C3", "2024-12-31", 3, "开始日期", "不在2025年内"),
        ("宣讲", "J3", -5, 3, "受众人次", "不能为负数"),
        ("宣讲", "A3", "外县", 3, "单位", "不在“示例县”范围内"),
        ("宣讲", "E3", None, 3, "标题", "标题不能为空"),
        ("宣讲", "E1", "题目", 1, "标题", "表头"),
        ("新闻宣传与信息报送", "L2", 5, 2, "被采用篇数", "没有数量"),
    ],
)
@pytest.mark.usefixtures("producer")
def test_one_bad_row_imports_nothing(filled, tmp_path, sheet, cell, value, row, column, words):
    out = tmp_path / "台账.xlsx"
    filled.export_xlsx("示例县", 2025, out)
    _edit(out, sheet, cell, value)
    before = state(filled)
    with pytest.raises(ImportRowError) as err:
        filled.import_xlsx(out, "示例县", year=2025)
    assert (err.value.sheet, err.value.row, err.value.column) == (sheet, row, column)
    assert words in err.value.message and f"第{row}行" in err.value.message
    assert state(filled) == before


@pytest.mark.usefixtures("producer")
def test_bad_files(county, tmp_path):
    before = state(county)
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    text = tmp_path / "文本.xlsx"
    text.write_text("这不是表格", "utf-8")
    broken = tmp_path / "损坏.xlsx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("hello.txt", "no workbook here")
    wrong = tmp_path / "错表.xlsx"
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.title = "工资表"
    wb.save(wrong)
    cases = [(empty, "空文件"), (text, "不是 Excel"), (broken, "已损坏"), (wrong, "工作表“工资表”不是台账工作表"),
             (tmp_path / "没有.xlsx", "不存在")]
    for path, words in cases:
        with pytest.raises(ValidationError) as err:
            county.import_xlsx(path, "示例县")
        assert words in err.value.message, path
    assert state(county) == before


@pytest.mark.usefixtures("producer")
def test_file_resaved_by_a_spreadsheet_program_imports(filled, tmp_path):
    exported = tmp_path / "台账.xlsx"
    filled.export_xlsx("示例县", 2025, exported)
    resaved = tmp_path / "另存.xlsx"  # a normal (not write-only) writer: shared strings and styles
    wb = load_workbook(exported)
    wb["宣讲"]["G2"] = "含<尖括号>&“符号”"
    wb["宣讲"]["C3"] = 45839  # a date typed without date format: an Excel serial number
    wb.save(resaved)
    for record in filled.records("示例县"):
        filled.delete_record(record.id)
    assert filled.import_xlsx(resaved, "示例县", year=2025) == 4
    records = filled.records("示例县")
    assert "含<尖括号>&“符号”" in {r.description for r in records}
    assert date(2025, 7, 1) in {r.date_start for r in records}


def _instant(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@pytest.mark.usefixtures("producer")
def test_import_audits_every_record_and_keeps_stats_exact(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_import, "BATCH_ROWS", 1)  # several batches: one audit statement each
    out = tmp_path / "台账.xlsx"
    filled.export_xlsx("示例县", 2025, out)
    for record in filled.records("示例县"):
        filled.delete_record(record.id)
    audits = state(filled)[1]
    assert filled.import_xlsx(out, "示例县", year=2025, actor="导入员") == 4
    assert state(filled)[1] == audits + 4
    for record in filled.records("示例县"):
        latest = filled.history("record", record.id, limit=1)[0]  # SQLite may reuse a deleted record's id
        assert (latest.action, latest.actor, latest.before) == ("insert", "导入员", None)
        after, expected = dict(latest.after), audit.snapshot(record)
        for stamp in ("created_at", "updated_at"):  # the same instant; the text form depends on the driver
            assert _instant(after.pop(stamp)) == _instant(expected.pop(stamp))
        assert after == expected
    with filled.transaction() as s:
        assert aggregates.snapshot(s) == dict(aggregates.iter_keys(s.scalars(select(Record))))


@pytest.mark.usefixtures("producer")
def test_cells_that_need_the_exact_path(county, tmp_path):
    out = tmp_path / "模板.xlsx"
    county.export_xlsx("示例县", 2025, out)
    wb = load_workbook(out)
    ws = wb["宣讲"]
    ws.append([" 桃园村 ", "theory_lecture", "2025/03/05", 45839, 2025, None, None, None, "1", "12"])
    ws.append([None] * 10)
    ws.append(["石岭村", "理论宣讲", date(2025, 4, 1), date(2025, 4, 1), "同日结束", "", "", "", "是 ", 0])
    ws.append(["李庄村", "理论宣讲", datetime(2025, 5, 6, 9, 30), None, "  前后空格  ", "村部", "", "", True, 3.5])
    wb.save(out)
    assert county.import_xlsx(out, "示例县", year=2025) == 3
    got = {r.title: r for r in county.records("示例县")}
    first = got["2025"]
    assert (first.date_start, first.date_end, first.highlight, first.quantities) == (
        date(2025, 3, 5), date(2025, 7, 1), True, {"audience": 12})
    assert county.unit(first.unit_id).name == "桃园村"
    same_day = got["同日结束"]
    assert (same_day.date_end, same_day.highlight, same_day.quantities) == (None, True, {})
    assert got["前后空格"].date_start == date(2025, 5, 6) and got["前后空格"].quantities == {"audience": 3.5}


@pytest.mark.usefixtures("producer")
def test_error_after_written_batches_names_its_row_and_imports_nothing(county, tmp_path, monkeypatch):
    for day in range(1, 7):
        county.create_record("桃园村", lecture(f"2025-03-0{day}", day))
    out = tmp_path / "台账.xlsx"
    county.export_xlsx("示例县", 2025, out)
    _edit(out, "宣讲", "J6", "很多")
    monkeypatch.setattr(xlsx_import, "BATCH_ROWS", 2)  # rows 2-5 are written before row 6 fails
    before = state(county)
    with pytest.raises(ImportRowError) as err:
        county.import_xlsx(out, "示例县", year=2025)
    assert (err.value.sheet, err.value.row, err.value.column) == ("宣讲", 6, "受众人次")
    assert "应为数字" in err.value.message
    assert state(county) == before
