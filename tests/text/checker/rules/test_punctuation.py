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
    text = "标题\n开展“文明家庭评选活动。\n（一）加强学习（二）强化宣传）。\n"
    found = check(text, "punctuation")
    assert [(f.rule, f.excerpt) for f in found if f.rule == "unbalanced"] == [("unbalanced", "“"), ("unbalanced", "）")]


def test_quotation_split_by_a_hard_line_wrap_is_balanced(check):
    text = "组织网络文明志愿者开展“清朗网\n络·文明上网”宣传进校园活动14场。\n"
    assert [f for f in check(text, "punctuation") if f.rule == "unbalanced"] == []


def test_quotation_left_open_at_a_sentence_end_is_still_reported(check):
    text = "开展“清朗网络宣传活动。\n组织”文明上网”活动14场。\n"
    found = [f for f in check(text, "punctuation") if f.rule == "unbalanced"]
    assert found and found[0].start == text.index("“")


def test_quotations_wrapped_over_several_lines_are_balanced(check):
    text = ("深入开展生态文明宣传教育“进机关、进企业、进\n农村”活动，联合市教育局开展“绿色学\n"
            "校”创建活动，新增省级“绿色学校”5所。评选“生态环境保\n护先进个人”10名。\n")
    assert [f for f in check(text, "punctuation") if f.rule == "unbalanced"] == []


def test_doubled_exclamation_and_question_marks(check):
    found = [f for f in check("群众纷纷点赞：“真好！！”这是为什么？？", "punctuation") if f.rule == "doubled"]
    assert [f.excerpt for f in found] == ["！！", "？？"]


def test_straight_quotes_and_a_half_width_full_stop_in_chinese_text(check):
    found = [f for f in check('评选"最美家庭""文明楼栋"，展示风采.\n人均1.5小时，连上Wi-Fi.\n', "punctuation")
             if f.rule == "half_width"]
    assert [f.excerpt for f in found] == ['"', '"', '"', '"', "."]
    assert found[0].suggestion is None and found[-1].suggestion == "。"  # which quote is a matter of side
