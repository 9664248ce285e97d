from datetime import date

import pytest

from taizhang.errors import ValidationError
from taizhang.report.model import (
    Figure,
    Paragraph,
    Pending,
    Period,
    Provenance,
    RecordRef,
    Report,
    Section,
    Text,
    chinese_number,
    format_date,
    marker_for,
)
from taizhang.report.walk import (
    figure_source_note,
    iter_figures,
    iter_pending,
    iter_sections,
    sentence_around,
    validate,
)

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))


def test_chinese_numbers_and_markers_by_level():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    assert [marker_for(level, 2) for level in (1, 2, 3, 4)] == ["二、", "（二）", "2.", "（2）"]
    with pytest.raises(ValueError):
        marker_for(5, 1)


def test_dates_use_arabic_digits_without_leading_zeros():
    assert format_date(date(2026, 1, 5)) == "2026年1月5日"
    assert YEAR.label() == "2025年1月1日至2025年12月31日"


def test_paragraph_of_turns_strings_into_text_spans():
    fig = Figure("f1", 182, "期", "182期")
    p = Paragraph.of("共编发简报", fig, "。")
    assert p.spans == [Text("共编发简报"), fig, Text("。")]
    assert p.text == "共编发简报182期。"
    p.add("另有", Pending("宣讲人次"))
    assert p.text.endswith("另有【待补：宣讲人次】")


def test_sections_are_numbered_by_position_unless_marked():
    report = Report("标题", "示例乡", 2025, sections=[
        Section("甲", children=[Section("子", level=2), Section("丑", level=2, marker="（五）")]),
        Section("乙", children=[Section("寅", level=2, children=[Section("卯", level=3)])]),
    ])
    refs = [(r.marker, r.section.title, "".join(r.path)) for r in iter_sections(report.sections)]
    assert refs == [
        ("一、", "甲", "一、"), ("（一）", "子", "一、（一）"), ("（五）", "丑", "一、（五）"),
        ("二、", "乙", "二、"), ("（一）", "寅", "二、（一）"), ("1.", "卯", "二、（一）1."),
    ]


def test_figures_come_in_reading_order_with_their_sentence(township):
    uses = list(iter_figures(township))
    assert [u.number for u in uses] == list(range(1, len(uses) + 1))
    first = uses[0]
    assert first.figure.text == "2次"
    assert first.sentence == "全年共召开意识形态专题会议2次，召开分析研判会3次，牢牢把握意识形态工作主导权。"
    assert first.where == "一、（一）"
    assert first.provenance.indicator == "ideology.meeting" and first.provenance.count == 2
    table_uses = [u for u in uses if u.where == "附件1"]
    assert len(table_uses) == 3 and "东村" in table_uses[0].sentence


def test_long_sentence_is_narrowed_to_its_clause():
    text = "甲" * 100 + "；共开展宣讲36场；" + "乙" * 100 + "。"
    start = text.index("36场")
    assert sentence_around(text, start, start + 3) == "共开展宣讲36场；"
    short = "前文。全年开展8次。后文"
    assert sentence_around(short, short.index("8"), short.index("8") + 2) == "全年开展8次。"


def test_unknown_source_key_is_a_chinese_validation_error():
    report = Report("标题", "示例乡", 2025, opening=[Paragraph.of("共", Figure("f1", 3, "次", "3次", source="无此键"))])
    with pytest.raises(ValidationError, match="无此键"):
        list(iter_figures(report))


def test_duplicate_figure_ids_are_rejected():
    fig = Figure("f1", 3, "次", "3次")
    report = Report("标题", "示例乡", 2025, opening=[Paragraph.of(fig, "；", fig)])
    with pytest.raises(ValidationError, match="重复"):
        validate(report)


def test_pending_lists_inline_table_and_report_gaps(township):
    texts = [p.text for p in iter_pending(township)]
    assert texts[0] == "【待补：宣讲覆盖群众人次】"
    assert "【待补：东村宣讲覆盖人次】" in texts
    assert texts[-1] == "【待补：全乡新时代文明实践站点数】"


def test_provenance_labels_scope_and_records():
    names = tuple(f"村{i}" for i in range(8))
    prov = Provenance("x", YEAR, "宣讲", unit_names=names,
                      records=(RecordRef("R1", "院坝宣讲"), RecordRef("R2")), record_count=40)
    assert prov.scope() == "村0、村1、村2、村3、村4等8个单位"
    assert prov.records_label() == "共40条：R1 院坝宣讲；R2等"
    note = figure_source_note(prov)
    assert "宣讲" in note and "2025年1月1日至2025年12月31日" in note and "共40条" in note
    assert figure_source_note(None) == "来源：未标注"


def test_figure_of_makes_the_display_text():
    assert Figure.of("a", 182, "期").text == "182期"
    assert Figure.of("b", 100, "次", approx="more_than").text == "100余次"
    assert Figure.of("c", 3000, "人次", approx="about").text == "约3000人次"
    assert Figure.of("d", 10, "场", approx="at_least", kind="target").text == "不少于10场"
    assert Figure.of("e", 12.50, "%").text == "12.5%" and Figure.of("f", 3.0, "个").text == "3个"


def test_provenance_may_be_given_as_a_plain_dict():
    prov = Provenance("x", YEAR, "宣讲")
    fig = Figure("f1", 3, "场", "3场", source="k")
    report = Report("标题", "示例乡", 2025, opening=[Paragraph.of(fig)], provenance={"k": prov})
    assert report.resolve(fig) is prov
