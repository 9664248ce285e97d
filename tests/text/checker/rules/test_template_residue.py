TOWNSHIP = "2023年青山镇宣传工作总结\n今年以来，青山镇党委为加快企业复工复产步伐开展宣传。镇党委将积极加强企业文化建设，提升企业文化软实力，扩大品牌美誉度。"


def test_enterprise_words_in_township_report(check):
    found = check(TOWNSHIP, "template_residue")
    assert [(f.excerpt, f.severity) for f in found] == [
        ("企业复工复产", "warning"), ("企业文化", "warning"), ("企业文化", "info"), ("品牌美誉度", "info"),
    ]


def test_own_vocabulary_is_quiet(check):
    text = "2023年平川县自然资源局意识形态工作总结\n我局局党组高度重视，干部职工积极参与，服务全局工作。"
    assert check(text, "template_residue") == []


def test_township_self_reference_in_bureau_report(check):
    found = check("2023年平川县水利局工作总结\n我局认真落实责任，全镇干部群众积极参与。", "template_residue")
    assert [f.excerpt for f in found] == ["全镇"]


def test_cut_fragment_is_info(check):
    found = check("2023年青山镇宣传工作总结\n全面展示了体高质量发展的新形象。", "template_residue")
    assert [(f.rule, f.severity) for f in found] == [("cut_fragment", "info")]


def test_resumption_of_work_was_legitimate_during_the_pandemic(check):
    text = "2021年青山镇宣传工作总结\n推动企业复工复产步伐，宣传防疫知识。"
    assert check(text, "template_residue") == []


def test_unit_kind_comes_from_the_title_suffix(make_doc):
    from taizhang.text.checker.context import CheckContext

    kinds = {t: CheckContext(make_doc(t + "\n正文。")).unit_kind for t in [
        "平川县自然资源局2023年工作总结", "中共平川县委宣传部2023年工作总结", "平川县第二中学2023年工作总结",
        "青山镇2023年工作总结", "东湖街道2023年工作总结", "美丽乡村建设宣传工作总结"]}
    assert list(kinds.values()) == ["bureau", "party", "school", "township", "township", "unknown"]


def test_school_words_in_a_culture_bureau_but_not_in_an_education_bureau(check):
    body = "一、工作情况\n着力提升教育教学质量，组织全体教职工开展师德师风专题学习。\n"
    found = check("某县文化和旅游局2023年工作总结\n" + body, "template_residue")
    assert [(f.excerpt, f.severity) for f in found][:1] == [("教育教学质量", "warning")]
    assert check("某县教育局2023年工作总结\n" + body, "template_residue") == []


def test_enterprise_words_belong_to_banks_and_development_zones_not_to_courts(check):
    body = "一、工作情况\n加强企业文化建设，提升经营管理水平，围绕公司年度生产经营目标开展工作。\n"
    assert check("某银行青山支行党委2024年工作总结\n" + body, "template_residue") == []
    assert check("青山经济开发区党工委2024年上半年工作总结\n" + body, "template_residue") == []
    found = check("青山区人民法院2024年工作总结\n" + body, "template_residue")
    assert found and found[0].severity == "warning"


def test_a_town_party_committees_formal_name_is_a_town(check):
    text = "中共龙泉镇委员会关于2024年学习强国学习情况的通报\n全镇党员参学率98%，我镇排名靠前。\n"
    assert check(text, "template_residue") == []


def test_a_college_party_committee_and_a_bureau_writing_about_a_county_inspection(check):
    assert check("江州师范学院党委宣传部2024年工作总结\n一、工作情况\n学院党委开展学习。\n", "template_residue") == []
    text = ("中共云溪县文化广电和旅游局党组关于县委巡察反馈意见整改情况的报告\n按照县委统一部署，县委第二巡察组"
            "对局党组开展巡察。局党组高度重视，局机关逐项整改。\n")
    assert check(text, "template_residue") == []


def test_township_words_in_an_enterprise_report_and_revenue_in_a_publicity_report(check):
    found = check("某城投集团2024年宣传工作总结\n一、工作情况\n紧紧围绕乡党委、政府中心工作。\n", "template_residue")
    assert [f.excerpt for f in found] == ["乡党委、政府"]
    text = "某县委宣传部2024年工作总结\n一、工作情况\n规模以上文化企业实现营业收入5.6亿元。\n"
    assert check(text, "template_residue") == []
