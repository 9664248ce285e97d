def test_half_width_marks_first_warning_then_info(check):
    found = check("2021年以来,乡镇党委落实党委(党组)责任制;成效明显。", "punctuation")
    assert [(f.excerpt, f.suggestion) for f in found] == [(",", "，"), ("(", "（"), (")", "）"), (";", "；")]
    assert [f.severity for f in found] == ["warning", "info", "info", "info"]


def test_doubled_and_unbalanced(check):
    found = check("加强学习，，提高认识。\n开展“文明家庭评选活动。", "punctuation")
    assert [(f.rule, f.excerpt) for f in found] == [("doubled", "，，"), ("unbalanced", "“")]


def test_arabic_list_marker_is_info(check):
    found = check("标题\n1、加强学习。\n2、强化宣传。\n", "punctuation")
    assert {f.severity for f in found} == {"info"} and len(found) == 2


def test_clean_punctuation_is_quiet(check):
    text = "开展“我们的节日·端午”活动，学习《习近平谈治国理政》（第四卷）；时间为7:30，网址为www.gov.cn。"
    assert check(text, "punctuation") == []


def test_unbalanced_counts_are_per_line(check):
    text = "标题\n开展“文明家庭\n评选”活动。\n（一）加强学习（二）强化宣传）。\n"
    found = check(text, "punctuation")
    assert [(f.rule, f.excerpt) for f in found if f.rule == "unbalanced"] == [
        ("unbalanced", "“"), ("unbalanced", "”"), ("unbalanced", "）")]
