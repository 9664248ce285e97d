ANNUAL = ("2023年青山镇宣传思想工作总结\n一、工作情况\n今年上半年，开展培训2期。\n二、下一步工作计划\n"
          "引导全体干部为下半年各项任务的顺利完成而努力。改进并完善下半年党员干部学习计划。做好建党103周年宣传。\n")


def test_half_year_in_annual_plan(check):
    found = [f for f in check(ANNUAL, "period_mismatch") if f.rule == "half_year_in_annual"]
    assert [f.severity for f in found] == ["warning", "info"]
    assert "下半年各项任务" in found[0].excerpt


def test_anniversary_matches_plan_year(check):
    assert [f for f in check(ANNUAL, "period_mismatch") if f.rule == "anniversary"] == []


def test_anniversary_mismatch(check):
    found = check("2023年宣传工作总结\n一、工作情况\n隆重庆祝建党100周年。\n", "period_mismatch")
    assert len(found) == 1 and "2021年" in found[0].message and "建党102周年" in found[0].message


def test_body_year_later_than_title(check):
    found = check("2022年宣传工作总结\n2023年以来，我们开展了宣讲。\n", "period_mismatch")
    assert [f.excerpt for f in found] == ["2023年"]


def test_half_year_report_is_quiet(check):
    text = "2024年上半年宣传工作总结\n一、工作情况\n开展宣讲。\n二、下半年工作安排\n下半年将继续开展宣讲。\n"
    assert check(text, "period_mismatch") == []


def test_half_year_of_the_plan_year_is_fine(check):
    text = "2023年宣传工作总结\n一、工作情况\n开展宣讲。\n二、下一步计划\n力争2024年上半年完成阵地改造，明年下半年开展评选。\n"
    assert check(text, "period_mismatch") == []


def test_years_come_from_the_title_not_from_a_guess(check):
    text = "宣传工作总结\n2019年以来，我们持续推进；2023年以来，又开展了宣讲。\n"
    assert check(text, "period_mismatch", years=(2019,)) == []


def test_chinese_numeral_year_in_title(check):
    found = check("二〇二三年宣传工作总结\n一、工作情况\n隆重庆祝建党100周年。\n", "period_mismatch")
    assert len(found) == 1 and found[0].rule == "anniversary"


def test_anniversary_checked_against_the_year_its_sentence_names(check):
    text = "2023年宣传工作总结\n一、工作情况\n开展宣讲。\n二、下一步计划\n2024年将隆重纪念建党102周年。\n"
    found = check(text, "period_mismatch")
    assert len(found) == 1 and "建党103周年" in found[0].message


def test_annual_wording_in_a_half_year_report(check):
    text = ("东湖街道2025年上半年宣传思想工作总结\n一、上半年工作\n上半年开展宣讲64场。\n二、下半年工作打算\n"
            "在新的一年里，街道党工委将开展宣讲不少于60场。新一年要继续努力。\n")
    found = [f for f in check(text, "period_mismatch") if f.rule == "annual_in_half_year"]
    assert [(f.severity, f.excerpt) for f in found] == [("warning", "在新的一年里"), ("info", "新一年要继续努力")]


def test_new_year_wording_in_an_annual_report_is_fine(check):
    text = "2025年宣传工作总结\n一、工作情况\n开展宣讲。\n二、下一步打算\n在新的一年里，继续开展宣讲。\n"
    assert [f for f in check(text, "period_mismatch") if f.rule == "annual_in_half_year"] == []


def test_a_plan_on_its_own_may_schedule_by_half_years(check):
    text = "青山社区2025年宣传工作计划\n一、重点任务\n上半年完成宣传栏更新，下半年开展文明评选。\n"
    assert [f for f in check(text, "period_mismatch") if f.rule == "half_year_in_annual"] == []


def test_an_opening_sentence_dated_a_year_before_the_title(check):
    text = "某局2024年上半年工作总结\n2023年上半年，我局坚持正确导向。较2023年同期增长。\n一、主要工作\n开展宣讲。\n"
    found = check(text, "period_mismatch")
    assert [(f.rule, f.excerpt) for f in found] == [("body_year", "2023年")]
    assert "早于" in found[0].message


def test_half_year_closing_phrase_in_an_annual_summary(check):
    text = "某局2023年工作总结\n一、工作情况\n开展宣讲，为全面完成下半年各项工作任务打下了坚实基础。\n"
    found = check(text, "period_mismatch")
    assert [f.rule for f in found] == ["half_year_tasks_in_annual"]


def test_a_plans_heading_keeping_last_years_number(check):
    text = "区司法局2023年工作总结及2024年工作思路\n一、工作开展情况\n开展学习。\n二、2023年工作思路\n开展宣讲。\n"
    assert [(f.rule, f.excerpt) for f in check(text, "period_mismatch")] == [("plan_heading_year", "2023年")]


def test_next_years_plans_announced_inside_a_summary_are_fine(check):
    text = "某街道2023年工作总结\n一、工作情况\n开展宣讲。\n2024年，我们这样干\n2024年，我们将继续开展宣讲。\n"
    assert check(text, "period_mismatch") == []


def test_a_summarys_plans_heading_naming_the_summarised_year(check):
    text = "某局2024年工作总结\n一、工作情况\n开展学习。\n二、2024年工作打算\n开展宣讲。\n"
    found = check(text, "period_mismatch")
    assert [(f.rule, f.excerpt) for f in found] == [("plan_heading_year", "2024年")] and "2025年" in found[0].message
    assert check("某局2024年工作计划\n一、2024年工作目标\n开展宣讲。\n", "period_mismatch") == []


def test_half_year_and_annual_openings_swapped(check):
    annual = "某镇2024年宣传思想工作总结\n今年以来开展宣传。现将上半年宣传思想工作总结如下。\n一、工作情况\n开展宣讲。\n"
    assert [f.rule for f in check(annual, "period_mismatch")] == ["half_year_tasks_in_annual"]
    half = "某局2024年上半年工作总结\n一年来，我局意识形态工作扎实开展。\n一、工作情况\n开展宣讲。\n"
    found = check(half, "period_mismatch")
    assert [f.excerpt for f in found] == ["一年来"] and "半年来" in found[0].message


def test_a_plans_section_opening_with_the_summarised_year(check):
    text = "某中心2024年工作总结及明年工作打算\n一、工作情况\n开展宣讲。\n三、明年工作打算\n\n2024年，中心将重点抓好以下工作。\n"
    assert [(f.rule, f.excerpt) for f in check(text, "period_mismatch")] == [("plan_heading_year", "2024年")]


def test_reviewing_the_whole_year_in_a_half_year_summary(check):
    found = check("某街道2024年上半年工作总结\n回顾全年工作，成效明显。\n一、工作情况\n开展宣讲。\n", "period_mismatch")
    assert [f.excerpt for f in found] == ["回顾全年工作"] and "回顾上半年" in found[0].message


def test_the_anniversary_suggested_for_the_year_summarised(check):
    found = check("某局2024年工作总结及2025年工作计划\n一、工作情况\n庆祝新中国成立74周年。\n", "period_mismatch")
    assert "2024年应为新中国成立75周年" in found[0].message


def test_this_years_second_half_in_next_years_plans(check):
    text = ("某局2024年工作总结\n一、工作情况\n开展学习。\n二、存在的问题和2025年工作打算\n"
            "宣传力量不足。2025年，我局将力争在下半年完成平台建设；今年下半年开展宣讲。\n")
    found = [f for f in check(text, "period_mismatch") if f.rule == "half_year_in_annual"]
    assert len(found) == 2
