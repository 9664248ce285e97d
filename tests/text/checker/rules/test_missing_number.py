def test_measure_word_without_number(check):
    found = check("全镇成立创城工作个志愿服务队；全年共计篇，成效明显。", "missing_number")
    assert [f.excerpt for f in found] == ["工作个志愿", "共计篇"]
    assert all(f.severity == "warning" for f in found)


def test_measure_words_with_numbers_or_determiners_are_quiet(check):
    text = ("成立12个志愿服务队、十二个宣讲小组，各个村、每个社区、这个项目、整个过程都很顺利；"
            "个别干部个人认识不足，上个月两个维护、XX个村组、多个单位已整改，有个别问题，挨个排查，多少个。共计15篇。")
    assert check(text, "missing_number") == []
