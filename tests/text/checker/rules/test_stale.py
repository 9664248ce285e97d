import pytest


def test_superseded_guiding_formulation(check):
    found = check("2023年宣传工作总结\n今年以来，镇党委以党的十九大精神为指导，扎实开展工作。", "stale_formulation")
    assert len(found) == 1 and found[0].severity == "warning" and "二十大" in found[0].message


def test_formulation_current_in_its_year(check):
    assert check("2021年宣传工作总结\n以党的十九大精神为指导，开展工作。", "stale_formulation") == []


def test_carrying_out_the_19th_congress_in_a_2023_report(check):
    text = "某局2023年工作总结\n一、工作情况\n全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神，开展学习。\n"
    found = check(text, "stale_formulation")
    assert [f.severity for f in found] == ["warning"] and "学习贯彻党的二十大精神" in found[0].message


def test_a_moderately_prosperous_society_as_a_goal_after_2020(check):
    text = "某大学2024年工作要点\n一、重点任务\n为全面建成小康社会贡献高校力量。\n"
    assert [f.excerpt for f in check(text, "stale_formulation")] == ["为全面建成小康社会贡献"]
    text = "某大学2024年工作要点\n一、重点任务\n我国已全面建成小康社会，开启新征程。\n"
    assert check(text, "stale_formulation") == []


def test_series_of_important_speeches_is_a_hint_in_any_wording(check):
    found = check("某县2025年工作要点\n一、重点任务\n深入学习习近平总书记系列重要讲话精神。\n", "stale_formulation")
    assert [(f.excerpt, f.severity) for f in found] == [("习近平总书记系列重要讲话精神", "info")]


def test_normalised_epidemic_control_after_2022(check):
    text = "某局2024年上半年工作总结\n一、工作情况\n统筹做好常态化疫情防控和文旅行业发展。\n"
    assert [f.severity for f in check(text, "stale_formulation")] == ["warning"]


def test_studying_a_19th_central_committee_plenum_after_2022(check):
    text = "某局2025年工作要点\n一、重点任务\n深入学习贯彻党的十九届六中全会精神。\n"
    assert [f.severity for f in check(text, "stale_formulation")] == ["warning"]


@pytest.mark.parametrize("text", ["决战决胜脱贫攻坚，打赢脱贫攻坚战。", "以优异成绩迎接党的二十大胜利召开。"])
def test_poverty_battle_and_greeting_the_20th_congress_after_their_time(check, text):
    found = check(f"某镇2023年工作总结\n一、工作情况\n{text}\n", "stale_formulation")
    assert found and {f.severity for f in found} == {"warning"}
