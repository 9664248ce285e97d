from taizhang.text.checker import check_document
from taizhang.text.model import NumberingAnomaly

DOC = "标题\n一、工作情况\n（一）甲\n（二）乙\n（二）丙\n二、存在问题\n四、下一步计划\n（一）丁\n"


def test_repeated_and_skipped_headings(check):
    found = check(DOC, "numbering")
    assert [(f.excerpt[:3], f.severity) for f in found] == [("（二）", "error"), ("四、下", "warning")]
    assert "重复" in found[0].message and "缺少“三、”" in found[1].message


def test_level_two_restarts_under_new_heading(check):
    assert check("一、甲\n（一）a\n（二）b\n二、乙\n（一）c\n", "numbering") == []


def test_inline_enumeration_gap(check):
    found = check("工作中：一是加强学习；三是强化宣传；四是注重实效。", "numbering")
    assert len(found) == 1 and found[0].excerpt == "三是" and "二是" in found[0].message


def test_reader_anomaly_is_used_and_not_duplicated(make_doc):
    doc = make_doc(DOC)
    doc.anomalies.append(NumberingAnomaly("repeated", 2, "（二）", 16, 19, "“（二）”重复出现"))
    found = check_document(doc, ["numbering"])
    assert [f.message for f in found if f.start == 16] == ["“（二）”重复出现"]
