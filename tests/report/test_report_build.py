"""The writer end to end: ledger → build_report → .docx, read back by our reader and checker."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import docx
import pytest

from report_tools import database
from taizhang.errors import TaizhangError
from taizhang.ledger import Ledger
from taizhang.report.build import ReportOptions, build_report, rounded
from taizhang.report.model import Figure
from taizhang.report.render import render_docx
from taizhang.report.walk import iter_figures, iter_paragraphs, iter_pending
from taizhang.text import read_path
from taizhang.text.checker import check_path

DAY = date(2026, 1, 8)


def small_ledger(path, schema: str | None = None) -> Ledger:
    """示范县 with two towns; figures small enough to reason about by hand (`path`: file or database URL)."""
    ledger = Ledger.open(str(path), schema=schema, files_dir=Path(tempfile.mkdtemp()) if schema else None)
    county = ledger.add_unit("示范县", "县区")
    east = ledger.add_unit("东风镇", "乡镇街道", county.id)
    west = ledger.add_unit("西岭乡", "乡镇街道", county.id)
    rec = ledger.create_record
    for i in range(3):
        rec(east.id, {"activity_type": "ideology_meeting", "date_start": date(2025, 3 + i, 5),
                      "title": f"东风镇意识形态专题会议{i + 1}", "highlight": i == 0,
                      "description": "专题传达学习上级会议精神。"})
    rec(east.id, {"activity_type": "ideology_meeting", "date_start": date(2024, 4, 5), "title": "上年会议"})
    rec(east.id, {"activity_type": "wechat_post", "date_start": date(2025, 5, 1), "title": "第1期",
                  "quantities": {"items": 6, "original": 2}})
    post = rec(west.id, {"activity_type": "wechat_post", "date_start": date(2025, 6, 1), "title": "第1期",
                         "quantities": {"items": 4, "original": 1}})
    rec(west.id, {"activity_type": "theory_lecture", "date_start": date(2025, 7, 1), "title": "院坝宣讲",
                  "quantities": {"audience": 120}})
    ledger.set_target(county.id, 2025, "theory_lecture.count", 5)
    ledger.set_target(county.id, 2026, "ideology_meeting.count", 12)
    ledger.post_id = post.id  # the record the provenance test edits
    return ledger


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger(request, tmp_path):
    with database(request.param, tmp_path) as (url, schema):
        led = small_ledger(url, schema)
        yield led
        led.close()


def values(report) -> dict[str, float]:
    return {use.figure.id: use.figure.value for use in iter_figures(report)}


def body_figures(report) -> list[Figure]:
    return [s for _, p in iter_paragraphs(report) for s in p.spans if isinstance(s, Figure)]


def test_township_report_structure(ledger):
    rep = build_report(ledger, "东风镇", 2025, ReportOptions(date=DAY))
    assert rep.title == "东风镇2025年宣传思想工作总结及2026年工作计划"
    assert [s.title for s in rep.sections] == ["工作完成情况", "存在问题", "下一步工作计划"]
    areas = [c.title for c in rep.sections[0].children]
    assert areas == ["意识形态领域管控有力", "新闻宣传工作提质增效"]
    text = rep.sections[0].children[0].paragraphs[0].text
    assert "东风镇意识形态专题会议1，专题传达学习上级会议精神" in text
    assert "共召开意识形态专题会议3次，同比增长200%" in text
    news = rep.sections[0].children[1].paragraphs[0].text
    assert "发布各类信息1期6条" in news  # compound figure: count + quantity
    assert "（系统建议）" in rep.sections[1].paragraphs[0].text
    assert rep.signature_unit == "东风镇" and rep.date == DAY


def test_county_rolls_up_and_plans(ledger):
    rep = build_report(ledger, "示范县", 2025)
    assert "示范县及所属2个单位共开展各类宣传思想文化活动6次" in rep.opening[1].text
    news = next(c for c in rep.sections[0].children if c.title == "新闻宣传工作提质增效").paragraphs[0].text
    assert "发布各类信息2期10条" in news
    problems = " ".join(p.text for p in rep.sections[1].paragraphs)
    assert "理论宣讲全年目标至少5场次，实际完成1场次" in problems
    plan = rep.sections[2].children[0].paragraphs[0].text
    assert "全年至少召开意识形态专题会议12次" in plan
    target = next(f for f in body_figures(rep) if f.kind == "target" and f.value == 12)
    assert rep.resolve(target).method == "目标值"
    table = rep.appendices[0]
    assert [row[0] for row in table.rows] == ["东风镇", "西岭乡"]


def citing(report, record_id: int) -> set[str]:
    """Ids of the figures whose provenance lists the record."""
    return {use.figure.id for use in iter_figures(report)
            if use.provenance is not None and any(r.id == record_id for r in use.provenance.records)}


def test_provenance_change_moves_only_dependent_figures(ledger):
    rep = build_report(ledger, "示范县", 2025)
    before = values(rep)
    ledger.update_record(ledger.post_id, {"quantities": {"items": 9, "original": 1}})
    after = values(build_report(ledger, "示范县", 2025))
    assert before.keys() == after.keys()
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {"a.wechat_post.items"}
    assert (before["a.wechat_post.items"], after["a.wechat_post.items"]) == (10, 15)
    # What may move is what cites the record; the rest of the report cannot depend on it.
    west = ledger.unit("西岭乡").id
    assert citing(rep, ledger.post_id) == {"a.wechat_post.count", "a.wechat_post.items", "a.wechat_post.original",
                                           "a.all.count", "a.area.news.count", f"u{west}.wechat_post.count"}


def test_provenance_change_of_date_moves_counts(ledger):
    before = values(build_report(ledger, "示范县", 2025))
    ledger.update_record(ledger.post_id, {"date_start": date(2024, 6, 1)})
    after = values(build_report(ledger, "示范县", 2025))
    assert before.keys() == after.keys()
    changed = {k for k in before if before[k] != after[k]}
    west = ledger.unit("西岭乡").id
    assert changed == {"a.wechat_post.count", "a.wechat_post.items", "a.wechat_post.original", "a.all.count",
                       "a.area.news.count", f"u{west}.wechat_post.count"}
    assert (before["a.all.count"], after["a.all.count"]) == (6, 5)


def test_problems_propose_little_activity_and_drops_on_last_year(ledger):
    old = [ledger.create_record("西岭乡", {"activity_type": "theory_lecture", "date_start": date(2024, 5, 1 + i),
                                           "title": f"上年宣讲{i + 1}"}).id for i in range(3)]
    rep = build_report(ledger, "西岭乡", 2025)
    texts = [p.text for p in rep.sections[1].paragraphs]
    assert all(t.startswith("（系统建议）") for t in texts)
    assert "（系统建议）宣讲方面全年仅开展各类活动1次，工作力度有待加大。" in texts
    assert "（系统建议）理论宣讲全年共1场次，较上年3场次下降67%，工作力度有所减弱。" in texts
    assert "（系统建议）意识形态工作责任制方面全年无台账记录，相关工作有待加强。" in texts
    last = next(f for f in body_figures(rep) if f.id == "ly.theory_lecture.count")
    prov = rep.resolve(last)
    assert [r.id for r in prov.records] == old and prov.period.start == date(2024, 1, 1)
    drop = next(f for f in body_figures(rep) if f.id == "down.theory_lecture.count")
    assert drop.text == "67%" and rep.resolve(drop).method == "同比：本年1，上年3"


def test_problem_rules_are_data(ledger, tmp_path):
    for i in range(3):
        ledger.create_record("西岭乡", {"activity_type": "theory_lecture", "date_start": date(2024, 5, 1 + i),
                                        "title": f"上年宣讲{i + 1}"})
    tpl = tmp_path / "rules.yaml"
    tpl.write_text("problem_rules: {little_activity: 1, down_min_pct: 70}\n", "utf-8")
    texts = " ".join(p.text for p in build_report(ledger, "西岭乡", 2025, ReportOptions(templates=tpl))
                     .sections[1].paragraphs)
    assert "仅开展" not in texts and "较上年" not in texts and "无台账记录" in texts
    tpl.write_text("problem_rules: {down_min_pct: 十}\n", "utf-8")
    with pytest.raises(TaizhangError, match="非负整数"):
        build_report(ledger, "西岭乡", 2025, ReportOptions(templates=tpl))


def test_figures_carry_records(ledger):
    rep = build_report(ledger, "东风镇", 2025)
    fig = next(f for f in body_figures(rep) if f.id == "a.ideology_meeting.count")
    prov = rep.resolve(fig)
    assert prov.count == 3 and prov.indicator == "ideology_meeting.count"
    assert {r.title for r in prov.records} == {f"东风镇意识形态专题会议{i}" for i in (1, 2, 3)}


def test_missing_data_is_pending_not_invented(tmp_path):
    led = Ledger.open(str(tmp_path / "empty.db"))
    led.migrate()
    led.add_unit("空白乡", "乡镇街道")
    rep = build_report(led, "空白乡", 2025)
    assert not list(iter_figures(rep))
    whats = [p.what for p in iter_pending(rep)]
    assert any("工作完成情况" in w for w in whats) and any("2026年工作目标" in w for w in whats)
    path = tmp_path / "empty.docx"
    render_docx(rep, path)
    assert "【待补：" in "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_missing_quantity_is_pending(ledger):
    ledger.create_record("西岭乡", {"activity_type": "volunteer_activity", "date_start": date(2025, 8, 1),
                                    "title": "志愿服务", "quantities": {"volunteers": 8}})
    rep = build_report(ledger, "西岭乡", 2025, ReportOptions(templates=None))
    text = "".join(p.text for _, p in iter_paragraphs(rep))
    assert "参与志愿者8人次" in text and "服务群众" not in text  # an absent quantity is left out...
    tpl = ledger_templates(ledger, "{verb}{name}{count}，服务群众{served}")
    rep = build_report(ledger, "西岭乡", 2025, ReportOptions(templates=tpl))
    text = "".join(p.text for _, p in iter_paragraphs(rep))
    assert "服务群众【待补：志愿服务活动服务群众人次】" in text  # ...unless the pattern asks for it


def ledger_templates(ledger, pattern: str):
    """A unit's override file: one activity type's pattern and one area heading."""
    path = Path(tempfile.mkdtemp()) / "tpl.yaml"
    path.write_text(f"types:\n  volunteer_activity: \"{pattern}\"\nareas:\n  civilization: 文明创建亮点纷呈\n",
                    "utf-8")
    return path


def test_templates_override_heading(ledger, tmp_path):
    ledger.create_record("西岭乡", {"activity_type": "volunteer_activity", "date_start": date(2025, 8, 1),
                                    "title": "志愿服务", "quantities": {"served": 30}})
    rep = build_report(ledger, "西岭乡", 2025, ReportOptions(templates=ledger_templates(ledger, "{count}")))
    assert "文明创建亮点纷呈" in [c.title for c in rep.sections[0].children]
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: \"{单位}\"\n", "utf-8")
    with pytest.raises(TaizhangError, match="占位符"):
        build_report(ledger, "西岭乡", 2025, ReportOptions(templates=bad))


def test_round_option():
    assert rounded(526) == (520, "more_than")
    assert rounded(182) == (180, "more_than")
    assert rounded(17) == (17, None) and rounded(300) == (300, None)


def test_round_in_report(ledger):
    for i in range(25):
        ledger.create_record("西岭乡", {"activity_type": "slogan", "date_start": date(2025, 9, 1),
                                        "title": f"标语{i}"})
    rep = build_report(ledger, "西岭乡", 2025, ReportOptions(round=True))
    fig = next(f for f in body_figures(rep) if f.id == "a.slogan.count")
    assert (fig.value, fig.text, fig.approx) == (20, "20余条", "more_than")


def test_unknown_unit_is_chinese_error(ledger):
    with pytest.raises(TaizhangError):
        build_report(ledger, "不存在的乡", 2025)


# ---- read-back on the demo county -------------------------------------------------------------

@pytest.mark.parametrize("unit", ["青山镇", "示例县"])
def test_reader_reads_back_every_figure(demo_reports, unit):
    rep, path = demo_reports[unit]
    figures = body_figures(rep)
    assert len(figures) > 50
    found = [(i.value, i.measure) for i in read_path(path).indicators]
    rest = iter(found)
    missing = [f.text for f in figures if not any(g == (f.value, f.measure) for g in rest)]
    assert missing == []


@pytest.mark.parametrize("unit", ["青山镇", "示例县"])
def test_checker_finds_no_errors(demo_reports, unit):
    _, path = demo_reports[unit]
    errors = [f for f in check_path(path) if f.severity == "error"]
    assert errors == []


def test_county_appendix_table(demo_reports, demo_ledger):
    rep, path = demo_reports["示例县"]
    doc = docx.Document(str(path))
    assert doc.tables, "no appendix table"
    table = doc.tables[-1]
    names = [row.cells[0].text for row in table.rows[1:]]
    assert names == [u.name for u in demo_ledger.children("示例县")]
    assert table.rows[0].cells[0].text == "单位"
    model_row = rep.appendices[0].rows[0]
    assert [c.text for c in table.rows[1].cells[1:]] == [f.text for f in model_row[1:]]


def test_county_appendix_matches_ledger(demo_reports, demo_ledger):
    from taizhang.ledger import Period
    rep, _ = demo_reports["示例县"]
    table = rep.appendices[0]
    child = demo_ledger.children("示例县")[6]
    row = next(r for r in table.rows if r[0] == child.name)
    first = row[1]
    indicator = rep.resolve(first).indicator
    expected = demo_ledger.indicator_values(child.id, Period.year(2025), [indicator])[indicator].value
    assert first.value == expected and rep.resolve(first).count == expected
