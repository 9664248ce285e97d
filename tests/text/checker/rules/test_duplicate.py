PARA = "各镇街文化站全年实行免费对外开放，每周开放42小时，开放活动项目8个，日接待群众50余人次"


def test_repeated_sentence_reported_at_later_copy(check):
    text = f"一、工作情况\n（一）文化惠民。{PARA}。\n（二）阵地建设。此外，{PARA}。\n"
    found = check(text, "duplicate_passage")
    assert len(found) == 1
    assert found[0].start > text.index("（二）") and "第2行" in found[0].message


def test_different_sentences_sharing_formulas_are_quiet(check):
    text = ("坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，扎实推进理论武装工作。\n"
            "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，持续加强网络阵地管理。\n")
    assert check(text, "duplicate_passage") == []


def test_shingles_are_the_four_character_windows():
    from taizhang.text.checker.rules.duplicate import _shingles

    text = "各镇街文化站全年实行免费对外开放"
    grams = _shingles(text)
    assert len(grams) == len(text) - 3
    by_window = {text[i : i + 4]: g for i, g in zip(range(len(text)), grams)}
    assert len(set(by_window.values())) == len(by_window)  # distinct windows, distinct integers
    assert _shingles("开放开放开放")[0] == _shingles("开放开放开放")[2] and _shingles("abc") == []


def test_copied_sentence_in_a_document_with_noise_and_formulas(check):
    copy = "各镇街文化站全年实行免费对外开放，每周开放42小时，开放活动项目8个"
    text = (f"一、工作情况\n坚持以习近平新时代中国特色社会主义思想为指导。{copy}。\n##paidbegin##\n"
            f"二、存在问题\n（一）阵地建设。{copy}。\n")
    found = check(text, "duplicate_passage")
    assert len(found) == 1 and found[0].start > text.index("二、")


def test_sentences_sharing_only_a_named_thought_are_not_duplicates(check):
    text = ("2025年，局党组坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平文化思想，认真落实县委关于"
            "意识形态工作的各项部署，全局意识形态工作呈现积极健康向上的良好态势。全年组织干部职工集中学习12次，参学1100余人次。\n"
            "(一)持续加强理论武装。深入学习贯彻习近平文化思想，全年组织中心组学习不少于12次，干部职工集中学习不少于12次。\n")
    assert check(text, "duplicate_passage") == []


def test_a_passage_copied_whole_is_reported_at_its_later_copy(check):
    copied = ("坚持正确舆论导向，对社会关注的医疗服务问题主动发声、及时回应，全年妥善处置涉院网络舆情9起。"
              "建立由党委办公室、医务部、护理部组成的舆情应对小组，做到第一时间发现、第一时间核实。")
    text = (f"一、意识形态工作\n签订责任书42份，审核备案学术活动67场次。{copied}\n"
            f"二、精神文明建设\n评选最美医生10名，举办先进事迹报告会2场，增强职工的归属感。{copied}\n")
    found = check(text, "duplicate_passage")
    assert len(found) == 1 and found[0].start > text.index("二、")


def test_a_sentence_broken_by_hard_wraps_is_compared_whole(check):
    wrapped = ("（三）加强网络综合治理。持续推进网络文明建设，组织网络文明志愿者开展\n"
               "正能量传播活动，引导网民理性表达、文明上网，全县网络生态持续向好。加\n"
               "强舆情监测预警，提高应急处置能力。\n")
    earlier = ("（四）网络阵地建设。全年组织网评员发布评论文章120篇，持续推进网\n"
               "络文明建设，组织网络文明志愿者开展正能量传播活动，引导网民理性表达、\n"
               "文明上网，全县网络生态持续向好。\n")
    text = f"一、主要工作\n{earlier}二、下一步打算\n{wrapped}"
    found = check(text, "duplicate_passage")
    assert len(found) == 1 and "第6行" in found[0].message  # the copy in 二、 starts on line 6


def test_the_signature_repeating_the_title_is_no_duplicate(check):
    name = "中共云岭市委网络安全和信息化委员会办公室"
    text = f"{name}\n2024年工作总结\n一、工作情况\n开展网络文明宣传活动，受众广泛。\n{name}\n2025年1月10日\n"
    assert check(text, "duplicate_passage") == []
