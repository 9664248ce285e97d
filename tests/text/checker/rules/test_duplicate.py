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
