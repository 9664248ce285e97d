import json
from datetime import date

import openpyxl

from taizhang.report.model import Figure, Paragraph, Period, Provenance, RecordRef, Report
from taizhang.report.render import provenance_json, write_provenance_json, write_provenance_xlsx
from taizhang.report.render.xlsx_writer import Sheet, column_letter, write_xlsx
from taizhang.report.sources import COLUMNS, collect_sources
from taizhang.report.walk import iter_figures, iter_pending


def test_xlsx_has_one_row_per_figure_with_sentence_and_source(township, tmp_path):
    path = tmp_path / "sources.xlsx"
    write_provenance_xlsx(township, path)
    wb = openpyxl.load_workbook(path)
    rows = list(wb["数据来源清单"].iter_rows(values_only=True))
    uses = list(iter_figures(township))
    assert rows[0] == COLUMNS
    assert len(rows) - 1 == len(uses)
    first = dict(zip(COLUMNS, rows[1]))
    assert first["编号"] == 1 and first["数字"] == "2次"
    assert first["所在句子"] == uses[0].sentence and "2次" in first["所在句子"]
    assert first["指标"] == "意识形态专题会议（ideology.meeting）"
    assert first["期间"] == "2025年1月1日至2025年12月31日"
    assert first["单位范围"] == "示例乡、东村、西村、南村"
    assert first["台账记录"] == "共2条：M-0001 意识形态专题会议记录1；M-0002 意识形态专题会议记录2"
    target = dict(zip(COLUMNS, rows[7]))
    assert target["数字"] == "200篇" and target["台账记录"] == "无台账记录"


def test_records_sheet_lists_each_source_once(township, tmp_path):
    path = tmp_path / "sources.xlsx"
    write_provenance_xlsx(township, path)
    rows = list(openpyxl.load_workbook(path)["台账记录"].iter_rows(values_only=True))
    sources = collect_sources(township).sources
    assert len(rows) - 1 == sum(len(p.records) for p in sources.values())
    assert ("meetings", "意识形态专题会议（ideology.meeting）", "示例乡、东村、西村、南村", "M-0001",
            "意识形态专题会议记录1") in rows


def test_pending_sheet_lists_every_placeholder_and_only_when_there_is_one(township, tmp_path):
    path = tmp_path / "sources.xlsx"
    write_provenance_xlsx(township, path)
    rows = list(openpyxl.load_workbook(path)["待补事项"].iter_rows(values_only=True))
    assert rows[0] == ("序号", "待补内容", "指标", "说明")
    assert [r[1] for r in rows[1:]] == [p.what for p in iter_pending(township)] and len(rows) > 1
    plain = Report("标题", "县", 2025, opening=[Paragraph.of("共", Figure("f", 5, "场", "5场"))])
    write_provenance_xlsx(plain, tmp_path / "plain.xlsx")
    assert "待补事项" not in openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames


def test_huge_record_lists_are_cut_to_fit_an_excel_cell(tmp_path):
    recs = tuple(RecordRef(f"R{i:06d}", "记录标题" * 3) for i in range(5000))
    prov = Provenance("x", Period(date(2025, 1, 1), date(2025, 12, 31)), "宣讲", records=recs)
    report = Report("标题", "县", 2025, opening=[Paragraph.of("共", Figure("f", 5000, "场", "5000场", source=prov))])
    path = tmp_path / "big.xlsx"
    write_provenance_xlsx(report, path)
    wb = openpyxl.load_workbook(path)
    cell = wb["数据来源清单"]["G2"].value
    assert len(cell) <= 32767 and cell.startswith("共5000条：R000000") and "见“台账记录”表" in cell
    assert wb["台账记录"].max_row == 5001


def test_json_lists_figures_sources_and_pending(township, tmp_path):
    data = json.loads(provenance_json(township))
    assert [f["number"] for f in data["figures"]] == list(range(1, len(data["figures"]) + 1))
    first = data["figures"][0]
    assert first["source"] == "meetings" and first["sentence"].endswith("主导权。")
    src = data["sources"]["meetings"]
    assert src["period"] == {"start": "2025-01-01", "end": "2025-12-31"} and src["record_count"] == 2
    assert src["records"][0] == {"id": "M-0001", "title": "意识形态专题会议记录1"}
    target = next(f for f in data["figures"] if f["kind"] == "target")
    assert target["source"].startswith("src-") and data["sources"][target["source"]]["method"] == "目标值"
    assert data["pending"][-1]["what"] == "全乡新时代文明实践站点数"
    write_provenance_json(township, tmp_path / "s.json")
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == data


def test_xlsx_writer_escapes_and_drops_control_characters(tmp_path):
    assert [column_letter(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]
    path = tmp_path / "t.xlsx"
    write_xlsx(path, [Sheet("表", ("甲", "乙"), [("<a>&b\x01", 3), (None, 2.5)])])
    ws = openpyxl.load_workbook(path)["表"]
    assert [tuple(r) for r in ws.iter_rows(values_only=True)] == [("甲", "乙"), ("<a>&b", 3), (None, 2.5)]
    assert ws["A1"].font.b
