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
