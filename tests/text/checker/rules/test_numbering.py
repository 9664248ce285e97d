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


def test_messages_name_the_expected_number(check):
    text = "标题\n一、甲\n（一）a\n（三）b\n（二）c\n二、乙\n（一）d\n(二)e\n"
    found = check(text, "numbering")
    assert [(f.excerpt, f.severity) for f in found] == [
        ("（三）b", "warning"), ("（二）c", "warning"), ("(二)e", "info"),
    ]
    assert "缺少“（二）”" in found[0].message and "顺序颠倒" in found[1].message and "混用" in found[2].message
    (rep,) = check("一是加强学习，二是强化，二是注重。", "numbering")
    assert rep.excerpt == "二是" and "应为“三是”" in rep.message


def test_numbering_comes_from_the_reader_outline(make_doc):
    doc = make_doc("标题\n正文一段。\n")
    doc.anomalies.append(NumberingAnomaly("skipped", 1, "三、", 3, 5, "“三、”之前缺少第2项"))
    (f,) = check_document(doc, ["numbering"])
    assert f.start == 3 and "缺少第2项" in f.message


def test_an_enumeration_item_right_after_a_closing_quote(check):
    text = "一是开展宣传。二是组织群众说：“这回我们记住了。”三是开展培训。四是开展演练。"
    assert [f for f in check(text, "numbering") if f.rule == "enumeration"] == []
