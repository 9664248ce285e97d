def test_measure_word_without_number(check):
    found = check("全镇成立创城工作个志愿服务队；全年共计篇，成效明显。", "missing_number")
    assert [f.excerpt for f in found] == ["工作个志愿", "共计篇"]
    assert all(f.severity == "warning" for f in found)


def test_measure_words_with_numbers_or_determiners_are_quiet(check):
    text = ("成立12个志愿服务队、十二个宣讲小组，各个村、每个社区、这个项目、整个过程都很顺利；"
            "个别干部个人认识不足，上个月两个维护、XX个村组、多个单位已整改，有个别问题，挨个排查，多少个。共计15篇。")
    assert check(text, "missing_number") == []


def test_counted_without_number(check):
    found = check("全年开展健康讲座场，在集镇发放宣传资料份。覆盖群众1200余人次。", "missing_number")
    assert [(f.rule, f.excerpt) for f in found] == [("counted_without_number", "开展健康讲座场"),
                                                    ("counted_without_number", "发放宣传资料份")]
    assert "“份”前缺少数字" in found[1].message


def test_counted_with_a_number_a_placeholder_or_a_word_ending_in_a_measure_is_quiet(check):
    text = ("开展宣讲12场，发放宣传资料三千余份，开展义诊XX场次，刊发稿件**篇。组织参观会场，发布到期，开展宣讲多次；"
            "悬挂横幅，召开推进会议按期，开展工作的层次，开展专题研讨再次，受众群众人次众多。")
    assert check(text, "missing_number") == []


def test_a_long_object_between_verb_and_measure_word(check):
    found = check("召开党组会专题研究意识形态工作次，开展学习。", "missing_number")
    assert [f.excerpt for f in found] == ["召开党组会专题研究意识形态工作次"]


def test_a_measure_word_right_after_its_verb(check):
    text = "组建了支由老党员组成的宣讲队。全年共举办场“邻里节”活动，调解各类矛盾纠纷件，开展了场所建设，报送稿件，成立了支部。"
    found = check(text, "missing_number")
    assert [f.excerpt for f in found] == ["组建了支", "举办场", "调解各类矛盾纠纷件"]


def test_colloquial_ge_without_one_is_quiet(check):
    assert check("活动结束后，大家纷纷点了个赞。", "missing_number") == []


def test_yu_with_a_measure_after_a_word_lost_its_number(check):
    found = check("活动覆盖团员青年余人次。其余人员参加，业余文化生活丰富，开展活动100余场。", "missing_number")
    assert [f.excerpt for f in found] == ["团员青年余人次"]


def test_words_ending_in_a_measure_and_reduplicated_ge_are_quiet(check):
    assert check("为宣讲员制作的PPT课件，亲戚朋友个个头疼。", "missing_number") == []
