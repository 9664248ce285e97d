def test_same_indicator_two_totals(check):
    text = ("2023年工作总结\n一、工作情况\n全年在各类媒体发布信息350条，被采用320条。\n"
            "抓好信息宣传。全年通过各类信息媒体渠道发布信息430条。\n")
    found = check(text, "inconsistent_figures")
    assert len(found) == 1
    assert found[0].excerpt.endswith("430条") and "350" in found[0].message


def test_part_larger_than_total_and_rectified_more_than_found(check):
    text = "2023年工作总结\n一、工作情况\n开展宣讲活动20场次，其中进村宣讲26场次。全年开展督导6次，发现问题12个，督促整改15个。\n"
    found = check(text, "inconsistent_figures")
    assert sorted(f.rule for f in found) == ["part_exceeds_total", "rectified_exceeds_found"]


def test_consistent_figures_are_quiet(check):
    text = ("2023年工作总结\n一、工作情况\n全年开展集中学习35次，集体学习研讨9次，其中专题学习研讨6次。"
            "发现问题24个，督促整改20个。开展志愿服务活动50余次。\n二、下一步计划\n全年至少开展志愿服务活动60次。\n")
    assert check(text, "inconsistent_figures") == []


def test_breakdowns_by_unit_are_not_totals(check):
    text = ("2023年工作总结\n一、工作情况\n青山村开展志愿服务活动12次，柳林村开展志愿服务活动8次。"
            "全镇共开展志愿服务活动20次。\n")
    assert check(text, "inconsistent_figures") == []


def test_more_rectified_than_found_in_other_words(check):
    found = check("共排查出各类安全播出隐患9处，整改完成12处。发现问题24个，督促整改20个。", "inconsistent_figures")
    assert [f.excerpt for f in found] == ["排查出各类安全播出隐患9处，整改完成12处"]


def test_two_figures_in_one_sentence_are_two_things(check):
    text = "某中学2024年工作总结\n一、工作情况\n全校38名教师结对帮扶留守学生96名，全年家访120次。\n"
    assert check(text, "inconsistent_figures") == []


def test_feedback_problems_counted_before_the_noun(check):
    found = check("巡察反馈的16个具体问题已整改完成18个。", "inconsistent_figures")
    assert [f.excerpt for f in found] == ["反馈的16个具体问题已整改完成18个"]


def test_parts_adding_up_to_more_than_their_total(check):
    text = "全年播发各类新闻稿件8650条，其中县内新闻3120条、政务信息2460条、短视频3580条。"
    found = check(text, "inconsistent_figures")
    assert len(found) == 1 and "9160条" in found[0].message
    assert check("全年播发各类新闻稿件8650条，其中县内新闻3120条、政务信息2460条。", "inconsistent_figures") == []


def test_the_same_indicator_in_the_same_words_without_a_cue_then_as_a_total(check):
    text = ("某部2023年工作总结\n一、工作情况\n组织网评员队伍撰写网评文章460篇。\n二、做法\n"
            "全年组织网评员队伍撰写网评文章640篇。\n")
    assert [f.excerpt for f in check(text, "inconsistent_figures")] == ["640篇"]
    text = "某乡2024年工作总结\n一、工作情况\n组织开展主题志愿服务活动86场次。全年累计开展志愿服务活动412场次。\n"
    assert check(text, "inconsistent_figures") == []  # a part, then the total
