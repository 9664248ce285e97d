def test_each_placeholder_occurrence_is_an_error(check):
    text = "2023年，XXX镇党委组织党员干部XX人赴**市学习，召开会议*次，由某某同志主持，地点○○村。"
    found = check(text, "placeholder")
    assert [f.excerpt for f in found] == ["XXX", "XX", "**", "*", "某某", "○○"]
    assert all(f.severity == "error" and f.suggestion is None for f in found)


def test_blank_lines_and_bracket_fields(check):
    found = check("报送单位：____，负责人：[姓名]，日期：【填写日期】。", "placeholder")
    assert [f.excerpt for f in found] == ["____", "[姓名]", "【填写日期】"]


def test_ordinary_text_has_no_placeholder(check):
    text = "二〇〇八年以来，X光机和XXL码服装不在此列；Windows XP 系统已停用；3×4=12。"
    assert check(text, "placeholder") == []


def test_any_bracketed_name_field_is_a_placeholder(check):
    found = check("请[学校名称]全体教师参加，【活动名称】另行通知。", "placeholder")
    assert [f.excerpt for f in found] == ["[学校名称]", "【活动名称】"]


def test_a_withheld_name_is_no_blank(check):
    found = check("依法审结张某某、李某某诈骗案，某某村尚未填写。", "placeholder")
    assert [f.excerpt for f in found] == ["某某"] and found[0].start == "依法审结张某某、李某某诈骗案，某某村尚未填写。".index("某某村")


def test_triangles_and_squares_as_blanks(check):
    assert [f.excerpt for f in check("△△村、□□镇开展活动。", "placeholder")] == ["△△", "□□"]
