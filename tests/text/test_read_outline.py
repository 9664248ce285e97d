"""Outline, numbering anomalies, sections and metadata."""

from __future__ import annotations

import pytest
from reader_support import need_gold

from taizhang.text import read_path, read_text

L1 = ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]
P = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"]

# every heading of the seeds, at its level (inline enumerations aside)
SEED_HEADINGS = {
    "000_d975a06be1a3b808.txt": [(1, "一、", "工作完成情况"), *[(2, m, None) for m in P[:2]], (3, "1.", "健全和完善理论学习中心组学习制度"),
                                 (3, "2.", "强化日常学习教育"), *[(2, m, None) for m in P[2:6]], (1, "二、", "存在问题"),
                                 (1, "三、", "下一步工作计划"), *[(2, m, None) for m in P[:5]]],
    "001_c6eb3796313840c3.txt": [(1, "一、", "工作完成情况"), *[(2, m, None) for m in P[:4]], (1, "二、", "工作中的问题不足"),
                                 *[(2, m, None) for m in P[:3]], (1, "三、", "下一年工作思路举措"), *[(2, m, None) for m in P[:5]]],
    "002_2af2dca3b17dcaa7.txt": [(1, "一、", None), (1, "二、", None), (1, "三、", None), (1, "四、", "存在的主要问题"),
                                 (1, "四、", "下一步工作计划")],
    "003_f3c8e2966af04a86.txt": [(1, "一、", "工作进展情况"), *[(2, m, None) for m in P[:7]], (1, "二、", "存在问题"),
                                 (1, "三、", "下一步工作打算"), (1, "四、", "围绕学习宣传党的二十大精神，做好2023年宣传思想文化工作"),
                                 *[(3, f"{k}.", None) for k in range(1, 6)]],
    "004_894489832352a9b2.txt": [(1, "一、", "2023年工作开展情况"), *[(2, m, None) for m in P[:4]], (1, "二、", "存在的问题"),
                                 (1, "三、", "下一步工作打算"), *[(2, m, None) for m in P[:3]]],
}
SEED_SECTIONS = {
    "000_d975a06be1a3b808.txt": ["achievements", "problems", "plans"],
    "001_c6eb3796313840c3.txt": ["achievements", "problems", "plans"],
    "002_2af2dca3b17dcaa7.txt": ["achievements", "achievements", "achievements", "problems", "plans"],
    "003_f3c8e2966af04a86.txt": ["achievements", "problems", "plans", "plans"],
    "004_894489832352a9b2.txt": ["achievements", "problems", "plans"],
}


def _flat(nodes, inline=False):
    for n in nodes:
        if n.inline == inline:
            yield n
        yield from _flat(n.children, inline)


@pytest.mark.parametrize("name", sorted(SEED_HEADINGS))
def test_seed_headings_found_at_their_level_and_nothing_else(name):
    gold = need_gold()
    doc = read_path(gold.parent / "seeds" / name)
    got = list(_flat(doc.outline))
    want = SEED_HEADINGS[name]
    assert [(n.level, n.marker) for n in got] == [(lvl, m) for lvl, m, _ in want]
    for node, (_, _, title) in zip(got, want):
        if title:
            assert node.title == title
        assert doc.source_text[node.start:].startswith(node.marker)
        assert node.start < node.end <= len(doc.source_text)
    assert [n.section for n in doc.outline] == SEED_SECTIONS[name]


def test_seed_002_repeated_heading_is_recorded_not_fixed():
    gold = need_gold()
    doc = read_path(gold.parent / "seeds" / "002_2af2dca3b17dcaa7.txt")
    assert [(a.kind, a.marker, a.level) for a in doc.anomalies] == [("repeated", "四、", 1)]
    a = doc.anomalies[0]
    assert doc.source_text[a.start:a.end] == "四、"
    assert doc.source_text[a.start:].startswith("四、下一步工作计划")
    assert "重复" in a.detail


def test_seed_003_inline_enumerations_nest_under_their_heading():
    gold = need_gold()
    doc = read_path(gold.parent / "seeds" / "003_f3c8e2966af04a86.txt")
    second = doc.outline[0].children[1]  # （二）
    assert [c.marker for c in second.children] == ["第一，", "第二，"]
    assert [c.marker for c in second.children[1].children] == ["一是", "二是", "三是", "四是", "五是"]
    assert second.children[1].children[0].level == 4
    assert second.children[1].children[0].title == "组织宣讲团开展巡回宣讲"


def test_run_in_heading_title_stops_at_the_first_full_stop():
    doc = read_text("一、工作情况\n（一）理论武装扎实推进。一是理论学习有实效。二是实践学习有声势。\n")
    node = doc.outline[0].children[0]
    assert (node.marker, node.title, node.level) == ("（一）", "理论武装扎实推进", 2)
    assert [(c.marker, c.title, c.level, c.inline) for c in node.children] == [
        ("一是", "理论学习有实效", 3, True), ("二是", "实践学习有声势", 3, True)]


def test_all_marker_styles_and_levels():
    text = "一、甲\n(一)乙\n1.丙\n（1）丁\n2、戊\n二、己\n"
    doc = read_text(text)
    assert [(n.level, n.marker) for n in _flat(doc.outline)] == [
        (1, "一、"), (2, "(一)"), (3, "1."), (4, "（1）"), (3, "2、"), (1, "二、")]
    assert [a.kind for a in doc.anomalies] == ["mixed_style"]  # "1." then "2、" at one level


def test_skipped_and_missing_numbers_are_anomalies():
    doc = read_text("一、甲\n三、乙\n工作中，一是要实；三是要细。\n")
    kinds = {(a.kind, a.marker) for a in doc.anomalies}
    assert ("skipped", "三、") in kinds
    assert ("missing_enumeration", "三是") in kinds
    missing = next(a for a in doc.anomalies if a.kind == "missing_enumeration")
    assert "二是" in missing.detail


def test_prose_numerals_are_not_headings():
    text = ("2023年工作总结\n一方面，加强学习。统一思想是前提，进一步提高。\n"
            "10月29日召开会议。1.2万人次参加。第一时间发布。唯一要求是落实。\n")
    doc = read_text(text)
    assert doc.outline == []
    assert doc.anomalies == []


def test_sections_classified_by_cue_words_and_inherited():
    text = ("2023年工作总结及2024年工作计划\n前言文字，开展活动1次。\n一、主要成效\n（一）学习\n开展学习2次。\n"
            "二、存在的不足\n一是不够。\n三、2024年工作思路\n开展学习3次。\n")
    doc = read_text(text)
    assert [n.section for n in doc.outline] == ["achievements", "problems", "plans"]
    assert doc.outline[0].children[0].section == "achievements"
    assert [i.section for i in doc.indicators] == ["intro", "achievements", "plans"]
    assert [i.kind for i in doc.indicators] == ["actual", "actual", "target"]


@pytest.mark.parametrize("title, doc_type, years", [
    ("2023年宣传思想文化工作总结及2024年宣传思想文化工作计划", "总结及计划", (2023, 2024)),
    ("2023年XX镇宣传思想暨意识形态工作总结", "总结", (2023,)),
    ("乡镇2024年上半年宣传思想工作总结", "半年总结", (2024,)),
    ("某县2024年宣传思想工作要点", "计划", (2024,)),
    ("关于2023年第三季度意识形态领域形势分析研判报告", "研判报告", (2023,)),
    ("某某中学2023年德育工作总结和2024年工作打算", "总结及计划", (2023, 2024)),
    ("关于表彰先进集体的通报", "其他", ()),
])
def test_doc_type_and_years_from_the_title(title, doc_type, years):
    doc = read_text(title + "\n正文内容，开展活动。\n")
    assert doc.meta.title == title
    assert doc.meta.doc_type == doc_type
    assert doc.meta.years == years
    assert doc.source_text[doc.meta.title_start:doc.meta.title_end] == title


@pytest.mark.parametrize("text, unit, level", [
    ("2023年XX镇宣传思想工作总结\n正文。\n", "XX镇", "镇"),
    ("2023年某某县委宣传部工作总结\n正文。\n", None, "县"),
    ("2023年宣传思想工作总结\n2023年，全乡宣传战线坚持正确导向，我乡开展活动。\n", None, "乡"),
    ("2023年宣传思想工作总结\n今年以来，我局坚持正确导向。\n", None, "局"),
    ("2023年某某街道意识形态工作总结\n正文。\n", "某某街道", "街道"),
    ("某某市第一中学2023年宣传工作总结\n我校坚持立德树人。\n", "某某市第一中学", "学校"),
    ("丰源县文化和旅游局2025年宣传思想工作总结\n正文。\n", "丰源县文化和旅游局", "局"),
    ("中共嘉禾县直属机关工作委员会2025年意识形态工作总结\n正文。\n", "中共嘉禾县直属机关工作委员会", "委"),
    ("石门乡2025年宣传工作总结\n全乡开展活动。\n", "石门乡", "乡"),
    ("中共云岭县委宣传部2025年工作总结\n正文。\n", "中共云岭县委宣传部", "县"),
    ("中共云岭县委宣传部\n2025年工作总结和2026年工作计划\n正文。\n", "中共云岭县委宣传部", "县"),  # title over two lines
])
def test_unit_and_level(text, unit, level):
    doc = read_text(text)
    if unit:
        assert doc.meta.unit == unit
    assert doc.meta.unit_level == level


def test_title_is_never_site_chrome():
    doc = read_text("当前位置：首页 > 总结\n发布时间：2024-01-02\n某局2023年工作总结\n正文，开展活动3次。\n")
    assert doc.meta.title == "某局2023年工作总结"


def test_an_excerpt_cut_from_a_longer_report_may_start_at_any_number():
    excerpt = read_text("织的学习活动，受众达500人次。\n二、存在问题\n宣传力量不足。\n四、下一步计划\n开展宣讲30场。")
    assert excerpt.meta.title is None
    assert [(a.kind, a.marker) for a in excerpt.anomalies] == [("skipped", "四、")]  # only the gap inside it
    whole = read_text("某镇2025年工作总结\n二、存在问题\n宣传力量不足。\n三、下一步计划\n开展宣讲30场。")
    assert [(a.kind, a.marker) for a in whole.anomalies] == [("skipped", "二、")]


@pytest.mark.parametrize("headings, anomalies", [
    ("（一）甲\n（二）乙\n（三）丙\n（三）丁\n（五）戊\n", [("repeated", "（三）")]),  # the repeat stood for （四）
    ("（一）甲\n（三）乙\n（二）丙\n（四）丁\n", [("skipped", "（三）"), ("out_of_order", "（二）")]),
    ("（一）甲\n（二）乙\n（四）丁\n", [("skipped", "（四）")]),
])
def test_a_numbering_slip_is_recorded_once_not_again_at_the_next_heading(headings, anomalies):
    doc = read_text("某镇2023年工作总结\n" + headings)
    assert [(a.kind, a.marker) for a in doc.anomalies] == anomalies


def test_items_numbered_on_across_sections_are_no_skips():
    doc = read_text("某镇2025年工作要点\n一、理论武装\n1.甲\n2.乙\n二、阵地建设\n3.丙\n4.丁\n三、队伍\n5.戊\n")
    assert doc.anomalies == []
    doc = read_text("某镇2025年工作要点\n一、理论武装\n1.甲\n2.乙\n二、阵地建设\n4.丙\n")
    assert [(a.kind, a.marker) for a in doc.anomalies] == [("skipped", "4.")]


@pytest.mark.parametrize("text, title, unit", [
    ("2024年乡镇宣传思想工作总结\n时光飞逝，一年即将结束。\n篇1：清水镇2024年宣传思想工作总结\n正文。\n",
     "清水镇2024年宣传思想工作总结", "清水镇"),  # the site's generic title gives way to the document's
    ("【精品文档】云溪县2024年宣传思想工作总结.doc\n正文。\n", "云溪县2024年宣传思想工作总结", "云溪县"),
    ("江北区教育局2023年宣传思想\n工作总结\n正文。\n", "江北区教育局2023年宣传思想工作总结", "江北区教育局"),
    ("凝心聚力谱新篇——安平县2023年宣传思想文化工作综述\n正文。\n", "凝心聚力谱新篇——安平县2023年宣传思想文化工作综述", "安平县"),
])
def test_titles_from_document_sites_broken_lines_and_mottos(text, title, unit):
    meta = read_text(text).meta
    assert (meta.title, meta.unit) == (title, unit)


def test_a_circled_number_before_a_digit_is_no_crash():
    doc = read_text("①0\n②开展学习。\n")  # "①".isdigit() is true in Python, int("①") is not
    assert doc.source_text == "①0\n②开展学习。\n"
